using DataCenterOps.Monitoring.History;

namespace DataCenterOps.Tests.Monitoring.History;

/// <summary>
/// A chart's bounded read (<see cref="HistoryQuery.GetChartSeriesAsync(string, string, DateTimeOffset, DateTimeOffset, HistoryResolution, CancellationToken)"/>):
/// the rows themselves while they fit in <see cref="HistoryQuery.ChartSamples"/>, else min / mean / max / count per
/// bucket, so a single spike in a week stays in the chart. Runs on both stores: <c>ChartReadTests+Sqlite</c> and <c>+PostgreSql</c>.
/// </summary>
public abstract class ChartReadTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public sealed class Sqlite : ChartReadTests
    {
        private protected override Task<Store> OpenAsync()
        {
            var harness = new HistoryHarness();
            return Task.FromResult(new Store(harness.Writer, harness.Maintenance, harness.Query, harness));
        }
    }

    public sealed class PostgreSql : ChartReadTests
    {
        private protected override async Task<Store> OpenAsync()
        {
            var harness = await PostgresHistoryHarness.CreateAsync(batchSize: 20_000);
            return new Store(harness.Writer, harness.Maintenance, harness.Query, harness);
        }
    }

    [Fact]
    public async Task AWeekOfRawSamples_ComesAsBuckets_AndItsOneSpikeAndDipStayInTheMinAndMax()
    {
        await using var store = await OpenAsync();
        // A week every 60 s at 20 °C, but one 95 at Tuesday 13:37 and one -5 on Friday (one reading each in 10,080).
        var spike = Start.AddDays(1).AddHours(13).AddMinutes(37);
        var dip = Start.AddDays(4).AddHours(2);
        var week = Enumerable.Range(0, 7 * 1_440).Select(i => Start.AddMinutes(i))
            .Select(at => new Reading("crac-1", "supply.temperature", at, at == spike ? 95 : at == dip ? -5 : 20, "°C"))
            .ToList();
        await store.Writer.WriteBatchAsync(week, CancellationToken.None);
        await store.Maintenance.RollupAsync(Start.AddDays(7), CancellationToken.None);

        foreach (var resolution in new[] { HistoryResolution.Raw, HistoryResolution.Minute })
        {
            var chart = await store.Query.GetChartSeriesAsync("crac-1", "supply.temperature", Start, Start.AddDays(7), resolution, CancellationToken.None);

            // Raw: buckets of 303 s (a week over 1,999, up to the second); minutes: 6 minutes each (up to the minute).
            var width = TimeSpan.FromSeconds(resolution == HistoryResolution.Raw ? 303 : 360);
            Assert.InRange(chart.Samples.Count, 1_000, HistoryQuery.ChartSamples);
            Assert.Equal(resolution, chart.Resolution);
            Assert.Equal(week.Count, chart.Samples.Sum(s => s.Count));
            Assert.All(chart.Samples, s => Assert.Equal(0, s.Timestamp.ToUnixTimeMilliseconds() % (long)width.TotalMilliseconds));
            Assert.True(chart.Samples.Zip(chart.Samples.Skip(1)).All(p => p.First.Timestamp < p.Second.Timestamp), "oldest first, one sample a bucket");

            var spiked = Assert.Single(chart.Samples, s => s.Max > 20);
            Assert.Equal(95, spiked.Max);
            Assert.Equal(20, spiked.Min);
            Assert.InRange(spike, spiked.Timestamp, spiked.Timestamp + width - TimeSpan.FromTicks(1));
            Assert.Equal(((95.0 + (20 * (spiked.Count - 1))) / spiked.Count), spiked.Avg, 9);
            var dipped = Assert.Single(chart.Samples, s => s.Min < 20);
            Assert.Equal(-5, dipped.Min);
            Assert.InRange(dip, dipped.Timestamp, dipped.Timestamp + width - TimeSpan.FromTicks(1));
            Assert.All(chart.Samples.Where(s => s != spiked && s != dipped), s => Assert.Equal((20.0, 20.0, 20.0), (s.Min, s.Avg, s.Max)));
        }

        // The export's read is untouched: every row.
        var every = await store.Query.GetSeriesAsync("crac-1", "supply.temperature", Start, Start.AddDays(7), HistoryResolution.Raw, CancellationToken.None);
        Assert.Equal(week.Select(r => (r.Timestamp, r.Value)), every.Samples.Select(s => (s.Timestamp, s.Avg)));
    }

    [Fact]
    public async Task ARangeThatHoldsNoMoreRowsThanTheChartTakes_ComesExactly_OneMoreComesAsBuckets()
    {
        await using var store = await OpenAsync();
        var readings = Enumerable.Range(0, HistoryQuery.ChartSamples + 1)
            .Select(i => new Reading("ups-1", "output.load", Start.AddSeconds(i), i % 97, "%"))
            .ToList();
        await store.Writer.WriteBatchAsync(readings, CancellationToken.None);

        // [Start, Start + 2,000 s) holds 2,000 rows: each as stored, at its own time.
        var fits = await store.Query.GetChartSeriesAsync("ups-1", "output.load", Start, Start.AddSeconds(HistoryQuery.ChartSamples), HistoryResolution.Raw, CancellationToken.None);
        Assert.Equal(
            readings.Take(HistoryQuery.ChartSamples).Select(r => (r.Timestamp, r.Value, r.Value, r.Value, 1L)),
            fits.Samples.Select(s => (s.Timestamp, s.Min, s.Avg, s.Max, s.Count)));

        // One second more holds 2,001: two-second buckets, every reading counted, nothing above the bound.
        var over = await store.Query.GetChartSeriesAsync("ups-1", "output.load", Start, Start.AddSeconds(HistoryQuery.ChartSamples + 1), HistoryResolution.Raw, CancellationToken.None);
        Assert.InRange(over.Samples.Count, 2, HistoryQuery.ChartSamples);
        Assert.Equal(readings.Count, over.Samples.Sum(s => s.Count));
        Assert.Equal(96, over.Samples.Max(s => s.Max));
        Assert.Equal(0, over.Samples.Min(s => s.Min));

        // A point with nothing stored: nothing, as for every read.
        Assert.Empty((await store.Query.GetChartSeriesAsync("ups-1", "input.voltage", Start, Start.AddDays(7), HistoryResolution.Raw, CancellationToken.None)).Samples);
    }

    private protected abstract Task<Store> OpenAsync();

    private protected sealed record Store(HistoryWriter Writer, HistoryMaintenance Maintenance, HistoryQuery Query, IAsyncDisposable Harness) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Harness.DisposeAsync();
    }
}
