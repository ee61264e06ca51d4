using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.History;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DataCenterOps.Tests.Monitoring.History;

/// <summary>History on PostgreSQL (Storage:Provider PostgreSql): binary COPY, day partitions, rollups in SQL, retention by partition.</summary>
public sealed class PostgresHistoryTests
{
    private static readonly DateTimeOffset Hour = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CopyBatch_LandsInTheDayPartitions_ItCreatedOnDemand()
    {
        await using var harness = await PostgresHistoryHarness.CreateAsync();
        var batch = Enumerable.Range(0, 3_000)
            .Select(i => new Reading($"dev-{i % 30}", "power", Hour.AddHours(13.5).AddSeconds(i), i, "W"))
            .ToList();

        await harness.Writer.WriteBatchAsync(batch, CancellationToken.None);

        // 23:30 … 00:20: 1 and 2 March (UTC), each in its own partition; no default partition exists.
        Assert.Equal(["history_samples_20260301", "history_samples_20260302"], await harness.PartitionNamesAsync());
        Assert.Equal(3_000, await harness.ScalarAsync("SELECT count(*) FROM monitoring.history_samples"));
        Assert.Equal(30, await harness.ScalarAsync("SELECT count(*) FROM monitoring.history_series"));
        Assert.True(await harness.ScalarAsync("SELECT count(*) FROM monitoring.history_samples_20260302") > 0);
        Assert.Equal(3_000, harness.Writer.Stored);
        var raw = await harness.Query.GetSeriesAsync("dev-7", "power", Hour.AddHours(13), Hour.AddHours(15), HistoryResolution.Raw, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 3_000).Where(i => i % 30 == 7).Select(i => (double)i), raw.Samples.Select(s => s.Avg));
        Assert.Equal(Hour.AddHours(13.5).AddSeconds(7), raw.Samples[0].Timestamp);
    }

    [Fact]
    public async Task Readings_ThroughTheChannel_AreAllStoredOnce()
    {
        await using var harness = await PostgresHistoryHarness.CreateAsync(batchSize: 500);
        await harness.Writer.StartAsync(CancellationToken.None);
        for (var i = 0; i < 5_000; i++)
        {
            await harness.Writer.WriteAsync(new Reading($"dev-{i % 50}", "seq", Hour.AddMilliseconds(i * 10), i), CancellationToken.None);
        }

        await harness.Writer.StopAsync(CancellationToken.None);

        Assert.Null(harness.Writer.ExecuteTask?.Exception);
        Assert.Equal(5_000, harness.Writer.Stored);
        Assert.Equal(5_000, await harness.ScalarAsync("SELECT count(DISTINCT value) FROM monitoring.history_samples"));
        Assert.Equal(5_000, await harness.ScalarAsync("SELECT count(*) FROM monitoring.history_samples"));
    }

    [Fact]
    public async Task Prepare_CreatesTodayAndTheNextTwoDays_ForSamplesAndMinutes_AndIsSafeToRepeat()
    {
        await using var harness = await PostgresHistoryHarness.CreateAsync();

        await harness.Maintenance.PrepareAsync(new DateTimeOffset(2026, 2, 27, 23, 30, 0, TimeSpan.Zero), CancellationToken.None);
        await harness.Maintenance.PrepareAsync(new DateTimeOffset(2026, 2, 27, 23, 45, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(
            [
                "history_minute_20260227", "history_minute_20260228", "history_minute_20260301",
                "history_samples_20260227", "history_samples_20260228", "history_samples_20260301",
            ],
            await harness.PartitionNamesAsync());
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partdefid"));
    }

    [Fact]
    public async Task MinuteAndHourRollups_MatchHandComputedMinAvgMaxAndCounts()
    {
        await using var harness = await PostgresHistoryHarness.CreateAsync();
        // 10:00 → 20, 22, 27 ; 10:01 → 25, 19 ; 10:59 → 30 ; 11:00 → 40 (next hour).
        await harness.Writer.WriteBatchAsync(
            [At(0, 5, 20), At(0, 20, 22), At(0, 59, 27), At(1, 0, 25), At(1, 30, 19), At(59, 59, 30), At(60, 10, 40)],
            CancellationToken.None);

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
    public async Task Rollups_AreIncremental_LeaveTheOpenMinute_AndFoldInLateReadings()
    {
        await using var harness = await PostgresHistoryHarness.CreateAsync();
        await harness.Writer.WriteBatchAsync([At(0, 10, 10), At(1, 10, 50)], CancellationToken.None);
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(1).AddSeconds(30), CancellationToken.None);

        var first = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Minute, CancellationToken.None);
        Assert.Equal([10.0], first.Samples.Select(s => s.Avg));
        Assert.Equal(1, await harness.ScalarAsync("SELECT count(*) FROM monitoring.history_rollup_state WHERE watermark = '2026-03-01 10:01:00+00'"));

        // A late reading for 10:00 and the next minute: the next run starts from the watermark and folds both in.
        await harness.Writer.WriteBatchAsync([At(0, 40, 20)], CancellationToken.None);
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(2), CancellationToken.None);

        var second = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Minute, CancellationToken.None);
        Assert.Equal([(10.0, 15.0, 20.0, 2L), (50.0, 50.0, 50.0, 1L)], second.Samples.Select(s => (s.Min, s.Avg, s.Max, s.Count)));
        Assert.Equal(1, await harness.ScalarAsync("SELECT count(*) FROM monitoring.history_rollup_state WHERE watermark = '2026-03-01 10:02:00+00'"));
        var hour = Assert.Single((await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Hour, CancellationToken.None)).Samples);
        Assert.Equal((10.0, 50.0, 3L), (hour.Min, hour.Max, hour.Count));
    }

    [Fact]
    public async Task Retention_DropsOnlyWholeDayPartitionsOlderThanTheRetention()
    {
        await using var harness = await PostgresHistoryHarness.CreateAsync();
        // Readings on 1, 2 and 3 March; minute rollups of them.
        await harness.Writer.WriteBatchAsync([At(0, 0, 1), At(24 * 60, 0, 2), At(48 * 60, 0, 3)], CancellationToken.None);
        await harness.Maintenance.RollupAsync(Hour.AddDays(2).AddMinutes(5), CancellationToken.None);

        // Raw retention 7 days at 9 March 12:00: the cut is 2 March 12:00, so 1 March goes and 2 March (half younger) stays.
        await harness.Maintenance.EnforceRetentionAsync(new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero), CancellationToken.None);

        var names = await harness.PartitionNamesAsync();
        Assert.DoesNotContain("history_samples_20260301", names);
        Assert.Contains("history_samples_20260302", names);
        Assert.Contains("history_samples_20260303", names);
        Assert.Contains("history_minute_20260301", names);
        Assert.Equal([2.0, 3.0], (await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddDays(3), HistoryResolution.Raw, CancellationToken.None)).Samples.Select(s => s.Avg));
        Assert.Equal(3, (await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddDays(3), HistoryResolution.Minute, CancellationToken.None)).Samples.Count);

        // A year later the rollups go too, minute partitions dropped and hour rows deleted.
        await harness.Maintenance.EnforceRetentionAsync(Hour.AddDays(368), CancellationToken.None);
        Assert.Empty(await harness.PartitionNamesAsync());
        Assert.Equal(0, await harness.ScalarAsync("SELECT count(*) FROM monitoring.history_hour"));

        // A late reading for a dropped day is not lost: its partition is made again.
        await harness.Writer.WriteBatchAsync([At(10, 0, 4)], CancellationToken.None);
        Assert.Equal(1, await harness.ScalarAsync("SELECT count(*) FROM monitoring.history_samples_20260301"));
    }

    [Theory]
    [InlineData(2, HistoryResolution.Raw)]
    [InlineData(48, HistoryResolution.Minute)]
    [InlineData(24 * 30, HistoryResolution.Hour)]
    public async Task Query_ByRange_AnswersFromTheTableOfItsResolution(int hours, HistoryResolution expected)
    {
        await using var harness = await PostgresHistoryHarness.CreateAsync();
        await harness.Writer.WriteBatchAsync([At(0, 10, 10), At(0, 20, 30)], CancellationToken.None);
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(5), CancellationToken.None);

        var series = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(hours), CancellationToken.None);

        Assert.Equal(expected, series.Resolution);
        var (counts, averages) = expected == HistoryResolution.Raw ? (new[] { 1L, 1L }, new[] { 10.0, 30.0 }) : (new[] { 2L }, new[] { 20.0 });
        Assert.Equal(counts, series.Samples.Select(s => s.Count));
        Assert.Equal(averages, series.Samples.Select(s => s.Avg));
    }

    [Fact]
    public async Task WriteFence_DecidesInTheBatchTransaction_WhatIsStored()
    {
        await using var harness = await PostgresHistoryHarness.CreateAsync(new OnlyDeviceFence("dev-1"));

        await harness.Writer.WriteBatchAsync(
            [new Reading("dev-1", "power", Hour, 1), new Reading("dev-2", "power", Hour, 2), new Reading("dev-1", "power", Hour.AddSeconds(1), 3)],
            CancellationToken.None);

        Assert.Equal(2, harness.Writer.Stored);
        Assert.Equal(2, await harness.ScalarAsync("SELECT count(*) FROM monitoring.history_samples"));
    }

    [Fact]
    public async Task LeaseFence_StoresOnlyReadingsPolledUnderTheLeaseThisNodeStillHolds()
    {
        await using var harness = await PostgresHistoryHarness.CreateAsync(
            new LeaseHistoryWriteFence(Options.Create(new NodeOptions { Name = "node-a" })));
        await LeaseSchema.EnsureAsync(harness.Shared.DataSource, CancellationToken.None);
        await using (var command = harness.Shared.DataSource.CreateCommand("""
            INSERT INTO monitoring.device_leases (device_id, owner_node, epoch, expires_at) VALUES
              ('ups-1', 'node-a', 2, now() + interval '1 minute'),
              ('ups-2', 'node-b', 5, now() + interval '1 minute')
            """))
        {
            await command.ExecuteNonQueryAsync();
        }

        await harness.Writer.WriteBatchAsync(
        [
            new Reading("ups-1", "load", Hour, 1, LeaseEpoch: 2),
            new Reading("ups-1", "load", Hour.AddSeconds(1), 2, LeaseEpoch: 1), // polled before a takeover and a take-back
            new Reading("ups-2", "load", Hour, 3, LeaseEpoch: 4),               // node-b holds it now
            new Reading("env-1", "temperature", Hour, 4, LeaseEpoch: 1),        // nobody's lease
        ],
            CancellationToken.None);

        Assert.Equal(1, harness.Writer.Stored);
        Assert.Equal(1, await harness.ScalarAsync("SELECT count(*) FROM monitoring.history_samples"));
    }

    private static Reading At(int minute, int second, double value) =>
        new("env-1", "temperature", Hour.AddMinutes(minute).AddSeconds(second), value, "°C");

    private sealed class OnlyDeviceFence(string deviceId) : IHistoryWriteFence
    {
        public ValueTask<IReadOnlyList<Reading>> AdmitAsync(
            NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
        {
            Assert.NotNull(transaction.Connection);
            return ValueTask.FromResult<IReadOnlyList<Reading>>(batch.Where(r => r.DeviceId == deviceId).ToList());
        }
    }
}
