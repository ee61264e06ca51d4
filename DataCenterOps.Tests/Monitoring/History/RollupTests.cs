using DataCenterOps.Monitoring.History;

namespace DataCenterOps.Tests.Monitoring.History;

public sealed class RollupTests
{
    private static readonly DateTimeOffset Hour = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MinuteAndHourRollups_MatchHandComputedMinAvgMax()
    {
        await using var harness = new HistoryHarness();
        // 10:00 → 20, 22, 27 ; 10:01 → 25, 19 ; 10:59 → 30 ; 11:00 → 40 (next hour).
        harness.Writer.WriteBatch(
        [
            At(0, 5, 20), At(0, 20, 22), At(0, 59, 27),
            At(1, 0, 25), At(1, 30, 19),
            At(59, 59, 30),
            At(60, 10, 40),
        ]);

        await harness.Maintenance.RollupAsync(Hour.AddMinutes(61), CancellationToken.None);

        var minutes = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(2), HistoryResolution.Minute, CancellationToken.None);
        Assert.Equal(
            [
                (Hour, 20.0, 23.0, 27.0, 3L),
                (Hour.AddMinutes(1), 19.0, 22.0, 25.0, 2L),
                (Hour.AddMinutes(59), 30.0, 30.0, 30.0, 1L),
                (Hour.AddMinutes(60), 40.0, 40.0, 40.0, 1L),
            ],
            minutes.Samples.Select(s => (s.Timestamp, s.Min, s.Avg, s.Max, s.Count)));

        var hours = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(2), HistoryResolution.Hour, CancellationToken.None);
        Assert.Collection(
            hours.Samples,
            s =>
            {
                Assert.Equal((Hour, 19.0, 30.0, 6L), (s.Timestamp, s.Min, s.Max, s.Count));
                Assert.Equal(143.0 / 6, s.Avg, 9);
            },
            s => Assert.Equal((Hour.AddHours(1), 40.0, 40.0, 40.0, 1L), (s.Timestamp, s.Min, s.Avg, s.Max, s.Count)));
    }

    [Fact]
    public async Task TheMinuteStillFilling_IsRolledUpByTheNextRun_AndALateReadingIsFoldedIntoItsMinute()
    {
        await using var harness = new HistoryHarness();
        harness.Writer.WriteBatch([At(0, 10, 10), At(1, 10, 50)]);
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(1).AddSeconds(30), CancellationToken.None);

        // The minute still filling is there with what it has so far; the run added, it did not re-read the samples.
        var first = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Minute, CancellationToken.None);
        Assert.Equal([10.0, 50.0], first.Samples.Select(s => s.Avg));

        harness.Writer.WriteBatch([At(0, 40, 20)]);
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(2), CancellationToken.None);

        var second = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Minute, CancellationToken.None);
        Assert.Equal([(10.0, 15.0, 20.0, 2L), (50.0, 50.0, 50.0, 1L)], second.Samples.Select(s => (s.Min, s.Avg, s.Max, s.Count)));
        var hour = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Hour, CancellationToken.None);
        var h = Assert.Single(hour.Samples);
        Assert.Equal((10.0, 50.0, 3L), (h.Min, h.Max, h.Count));
        Assert.Equal(80.0 / 3, h.Avg, 9);
    }

    [Fact]
    public async Task Retention_DropsRawAfterItsDays_AndKeepsRollupsLonger()
    {
        await using var harness = new HistoryHarness();
        harness.Writer.WriteBatch([At(0, 0, 21), At(0, 30, 23)]);
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(5), CancellationToken.None);

        await harness.Maintenance.EnforceRetentionAsync(Hour.AddDays(8), CancellationToken.None);

        var raw = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Raw, CancellationToken.None);
        var minute = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Minute, CancellationToken.None);
        Assert.Empty(raw.Samples);
        Assert.Equal(22.0, Assert.Single(minute.Samples).Avg);

        await harness.Maintenance.EnforceRetentionAsync(Hour.AddDays(366), CancellationToken.None);
        var hour = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Hour, CancellationToken.None);
        Assert.Empty(hour.Samples);
    }

    [Theory]
    [InlineData(1, HistoryResolution.Raw)]
    [InlineData(6, HistoryResolution.Raw)]
    [InlineData(7, HistoryResolution.Minute)]
    [InlineData(24 * 7, HistoryResolution.Minute)]
    [InlineData((24 * 7) + 1, HistoryResolution.Hour)]
    public void Range_PicksTheResolution(int hours, HistoryResolution expected) =>
        Assert.Equal(expected, HistoryQuery.ResolutionFor(Hour, Hour.AddHours(hours)));

    private static Reading At(int minute, int second, double value) =>
        new("env-1", "temperature", Hour.AddMinutes(minute).AddSeconds(second), value, "°C");
}
