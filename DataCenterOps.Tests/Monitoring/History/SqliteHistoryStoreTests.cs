using DataCenterOps.Monitoring.History;
using Microsoft.Data.Sqlite;

namespace DataCenterOps.Tests.Monitoring.History;

/// <summary>The monitoring.db store's own connection and prepared insert, kept across batches, and its incremental rollups.</summary>
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
    public async Task TheRollupAfterTheFirst_StartsFromItsWatermark_AndFoldsInOnlyWhatTheWriterMarkedLate()
    {
        await using var harness = new HistoryHarness();
        harness.Writer.WriteBatch([At(10, 10)]);
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(30), CancellationToken.None);

        // Behind the writer's back (no late mark), 29 minutes before the watermark: the next run does not read that far back.
        await ExecuteAsync(harness, $"INSERT INTO samples (series_id, ts, value) VALUES (1, {Hour.AddSeconds(40).ToUnixTimeMilliseconds()}, 90)");
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(31), CancellationToken.None);
        Assert.Equal(10.0, await FirstMinuteAvgAsync(harness));

        // A late reading through the writer is marked, so its minute is recomputed from the samples (all three now).
        harness.Writer.WriteBatch([At(50, 20)]);
        await harness.Maintenance.RollupAsync(Hour.AddMinutes(32), CancellationToken.None);
        Assert.Equal(40.0, await FirstMinuteAvgAsync(harness));
    }

    private static Reading At(int second, double value) => new("env-1", "temperature", Hour.AddSeconds(second), value, "°C");

    private static async Task<double> FirstMinuteAvgAsync(HistoryHarness harness)
    {
        var minutes = await harness.Query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Minute, CancellationToken.None);
        return minutes.Samples[0].Avg;
    }

    private static async Task<long> CountAsync(HistoryHarness harness, string sql)
    {
        await using var connection = await harness.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(HistoryHarness harness, string sql)
    {
        await using var connection = await harness.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
