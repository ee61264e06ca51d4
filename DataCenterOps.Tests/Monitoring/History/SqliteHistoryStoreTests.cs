using DataCenterOps.Monitoring.History;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataCenterOps.Tests.Monitoring.History;

/// <summary>The monitoring.db store's own connection and prepared statements, kept across batches, and the rollups each batch keeps.</summary>
public sealed class SqliteHistoryStoreTests
{
    private static readonly DateTimeOffset Hour = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ManyBatches_OnTheKeptConnection_AreAllStoredOnce()
    {
        await using var harness = new HistoryHarness();
        for (var batch = 0; batch < 50; batch++)
        {
            var readings = new List<Reading>();
            for (var i = 0; i < 40; i++)
            {
                readings.Add(new Reading($"ups-{i % 4}", "load", Hour.AddSeconds((batch * 40) + i), (batch * 40) + i, "%"));
            }

            harness.Writer.WriteBatch(readings);
        }

        Assert.Equal(2_000, await CountAsync(harness, "SELECT count(*) FROM samples"));
        Assert.Equal(2_000, await CountAsync(harness, "SELECT count(DISTINCT value) FROM samples"));
        Assert.Equal(4, await CountAsync(harness, "SELECT count(*) FROM series"));
    }

    [Fact]
    public async Task ABatchThatFailsHalfWay_LeavesNothing_AndTheNextBatchGoesInOnAFreshConnection()
    {
        await using var harness = new HistoryHarness();
        harness.Writer.WriteBatch([At(0, 1), At(1, 2)]);

        // SQLite binds NaN as NULL, which the NOT NULL column refuses: the second reading of the batch fails it.
        Assert.Throws<SqliteException>(() => harness.Writer.WriteBatch([At(2, 3), new Reading("env-new", "temperature", Hour, double.NaN, "°C")]));
        Assert.Equal(2, await CountAsync(harness, "SELECT count(*) FROM samples"));
        Assert.Equal(1, await CountAsync(harness, "SELECT count(*) FROM series"));

        harness.Writer.WriteBatch([At(2, 3), new Reading("env-new", "temperature", Hour, 25, "°C")]);
        Assert.Equal(4, await CountAsync(harness, "SELECT count(*) FROM samples"));
        Assert.Equal(2, await CountAsync(harness, "SELECT count(*) FROM series"));
        Assert.Equal(4, harness.Writer.Stored);
    }

    [Fact]
    public async Task TheSameReadingWrittenTwice_IsStoredOnce_AndCountedOnceInTheRollups()
    {
        await using var harness = new HistoryHarness();
        harness.Writer.WriteBatch([At(0, 10), At(10, 20)]);

        // The same point at the same millisecond again, beside a new one: only the new one goes in.
        harness.Writer.WriteBatch([At(10, 20), At(20, 30)]);

        Assert.Equal(3, harness.Writer.Stored);
        Assert.Equal(3, await CountAsync(harness, "SELECT count(*) FROM samples"));
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(5), CancellationToken.None);
        var minute = Assert.Single((await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Minute, CancellationToken.None)).Samples);
        Assert.Equal((10.0, 20.0, 30.0, 3L), (minute.Min, minute.Avg, minute.Max, minute.Count));
    }

    [Fact]
    public async Task AReadingAlreadyStored_InALongBatch_IsStoredOnce_AndTheRestOfTheBatchGoesIn()
    {
        await using var harness = new HistoryHarness();
        harness.Writer.WriteBatch([At(100, 1_000)]);

        // Long enough for several multi-row statements; the reading at 100 s is in the middle of one of them.
        harness.Writer.WriteBatch([.. Enumerable.Range(0, 200).Select(second => At(second, second))]);

        Assert.Equal(200, harness.Writer.Stored);
        Assert.Equal(200, await CountAsync(harness, "SELECT count(*) FROM samples"));
        Assert.Equal(1, await CountAsync(harness, "SELECT count(*) FROM samples WHERE value = 1000"));
        Assert.Equal(0, await CountAsync(harness, "SELECT count(*) FROM samples WHERE value = 100"));
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(5), CancellationToken.None);
        var minutes = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Minute, CancellationToken.None);
        Assert.Equal([60L, 60L, 60L, 20L], minutes.Samples.Select(s => s.Count));
        Assert.Equal(1_000.0, minutes.Samples[1].Max);
    }

    [Fact]
    public async Task ThePointTwiceAtTheSameMillisecond_InOneBatch_IsStoredOnce_AsFirstGiven()
    {
        await using var harness = new HistoryHarness();
        harness.Writer.WriteBatch([At(1, 20), At(0, 10), At(0, 99)]);

        Assert.Equal(2, harness.Writer.Stored);
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(5), CancellationToken.None);
        var minute = Assert.Single((await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Minute, CancellationToken.None)).Samples);
        Assert.Equal((10.0, 15.0, 20.0, 2L), (minute.Min, minute.Avg, minute.Max, minute.Count));
    }

    [Fact]
    public async Task ManyPointsTwiceAndThriceAtTheSameMillisecond_InALargeBatch_AreStoredOnce_AsFirstGiven()
    {
        await using var harness = new HistoryHarness();

        // 1,000 (point, second) pairs given three times each in a shuffled batch; the value tells which copy was first given.
        var order = Enumerable.Range(0, 3_000).OrderBy(i => (i * 7_919) % 3_001).ToArray();
        var seen = new HashSet<int>();
        var firstGiven = new Dictionary<int, double>();
        var batch = new List<Reading>();
        foreach (var i in order)
        {
            var pair = i % 1_000;
            batch.Add(new Reading($"env-{pair % 7}", "temperature", Hour.AddSeconds(pair / 7), i, "°C"));
            if (seen.Add(pair))
            {
                firstGiven[pair] = i;
            }
        }

        harness.Writer.WriteBatch(batch);

        Assert.Equal(1_000, harness.Writer.Stored);
        Assert.Equal(1_000, await CountAsync(harness, "SELECT count(*) FROM samples"));
        Assert.Equal((long)firstGiven.Values.Sum(), await CountAsync(harness, "SELECT CAST(sum(value) AS INTEGER) FROM samples"));
    }

    [Fact]
    public async Task ABatchThatFails_LeavesNoAggregateBehind_AndItsRetryCountsOnce()
    {
        await using var harness = new HistoryHarness();
        harness.Writer.WriteBatch([At(0, 10)]);
        Assert.Throws<SqliteException>(() => harness.Writer.WriteBatch([At(10, 20), At(20, double.NaN)]));
        harness.Writer.WriteBatch([At(10, 20), At(20, 30)]);
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(5), CancellationToken.None);

        var minute = Assert.Single((await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Minute, CancellationToken.None)).Samples);
        Assert.Equal((10.0, 20.0, 30.0, 3L), (minute.Min, minute.Avg, minute.Max, minute.Count));
        var hour = Assert.Single((await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Hour, CancellationToken.None)).Samples);
        Assert.Equal(3L, hour.Count);
    }

    [Fact]
    public async Task AProcessThatEndsBeforeTheRollupRun_LeavesAMark_AndTheNextStartRecomputesItsMinutesOnce()
    {
        await using var harness = new HistoryHarness();
        harness.Writer.WriteBatch([At(0, 10), At(10, 20)]);
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(1), CancellationToken.None);

        // Stored, not yet rolled up, and the process ends (its held aggregates go with it).
        harness.Writer.WriteBatch([At(20, 30), At(70, 40)]);
        Assert.Equal(1, await CountAsync(harness, "SELECT count(*) FROM rollup_state WHERE name = 'pending'"));

        using var next = new HistoryWriter(harness.Database, harness.Options, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        var maintenance = new HistoryMaintenance(harness.Database, next, harness.Options, TimeProvider.System, NullLogger<HistoryMaintenance>.Instance);
        await maintenance.RollupAsync(Hour.AddMinutes(2), CancellationToken.None);

        var minutes = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Minute, CancellationToken.None);
        Assert.Equal([(20.0, 3L), (40.0, 1L)], minutes.Samples.Select(s => (s.Avg, s.Count)));
        var hour = Assert.Single((await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Hour, CancellationToken.None)).Samples);
        Assert.Equal((25.0, 4L), (hour.Avg, hour.Count));
        Assert.Equal(0, await CountAsync(harness, "SELECT count(*) FROM rollup_state WHERE name = 'pending'"));
    }

    [Fact]
    public async Task RawSamples_AreReadInTimeOrder_FromTheRangeAsked()
    {
        await using var harness = new HistoryHarness();
        harness.Writer.WriteBatch([At(30, 3), At(0, 1), At(59, 4), At(10, 2)]);
        harness.Writer.WriteBatch([new Reading("env-2", "temperature", Hour.AddSeconds(15), 99, "°C")]);

        var raw = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour.AddSeconds(5), Hour.AddSeconds(59), HistoryResolution.Raw, CancellationToken.None);
        Assert.Equal([(Hour.AddSeconds(10), 2.0), (Hour.AddSeconds(30), 3.0)], raw.Samples.Select(s => (s.Timestamp, s.Avg)));
        var unknown = await harness.Query.GetSeriesAsync("env-9", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Raw, CancellationToken.None);
        Assert.Empty(unknown.Samples);
    }

    private static Reading At(int second, double value) => new("env-1", "temperature", Hour.AddSeconds(second), value, "°C");

    private static async Task<long> CountAsync(HistoryHarness harness, string sql)
    {
        await using var connection = await harness.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
