using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Monitoring.History;

/// <summary>
/// The writer on monitoring.db with readings waiting: a backlog goes in a few large transactions (up to
/// <see cref="HistoryOptions.BacklogBatchSize"/>), each reading once, rolled up once; a full batch is committed
/// without waiting out the linger.
/// </summary>
public sealed class HistoryWriterBacklogTests : IDisposable
{
    private const int Sent = 1_000;
    private static readonly DateTimeOffset Hour = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly List<SqliteHistoryStore> _stores = [];

    [Fact]
    public async Task ABacklog_GoesInAsAFewLargeTransactions_EachReadingOnce_WithItsPendingMark_AndIsRolledUpOnce()
    {
        var (writer, store, database) = NewWriter(TimeProvider.System, flushIntervalMilliseconds: 0);
        using (writer)
        {
            await BufferAsync(writer, Readings());
            await writer.StartAsync(CancellationToken.None);
            await WaitUntilAsync(() => writer.Stored == Sent);

            Assert.Equal([400, 400, 200], store.Batches);
            Assert.Equal(Sent, await ScalarAsync(database, "SELECT count(*) FROM samples"));
            Assert.Equal(Sent, await ScalarAsync(database, "SELECT count(DISTINCT value) FROM samples"));

            // The mark went in with the batches: the earliest reading not yet in the rollups.
            Assert.Equal(Hour.ToUnixTimeMilliseconds(), await ScalarAsync(database, "SELECT watermark FROM rollup_state WHERE name = 'pending'"));

            var maintenance = new HistoryMaintenance(database, writer, Options(0), TimeProvider.System, NullLogger<HistoryMaintenance>.Instance);
            await maintenance.RollupAsync(Hour.AddHours(1), CancellationToken.None);
            var query = new HistoryQuery(database);
            var minutes = await query.GetSeriesAsync("ups-2", "load", Hour, Hour.AddHours(1), HistoryResolution.Minute, CancellationToken.None);
            Assert.Equal([60L, 60L, 60L, 60L, 10L], minutes.Samples.Select(s => s.Count));
            Assert.Equal(0, await ScalarAsync(database, "SELECT count(*) FROM rollup_state WHERE name = 'pending'"));
            await writer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task AReadingAlreadyStored_InsideABacklog_IsStoredOnce_AndTheRestOfItGoesIn()
    {
        var (writer, store, database) = NewWriter(TimeProvider.System, flushIntervalMilliseconds: 0);
        using (writer)
        {
            var readings = Readings();

            // Reading 600 is stored already, with another value: in the middle of the backlog's second transaction.
            writer.WriteBatch([readings[600] with { Value = 9_999 }]);
            await BufferAsync(writer, readings);
            await writer.StartAsync(CancellationToken.None);
            await WaitUntilAsync(() => writer.Stored == Sent);

            Assert.Equal([1, 400, 400, 200], store.Batches);
            Assert.Equal(Sent, await ScalarAsync(database, "SELECT count(*) FROM samples"));
            Assert.Equal(1, await ScalarAsync(database, "SELECT count(*) FROM samples WHERE value = 9999"));
            Assert.Equal(0, await ScalarAsync(database, "SELECT count(*) FROM samples WHERE value = 600"));
            await writer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task AFullBatch_IsCommittedWithoutWaitingOutTheLinger_AndAPartialOneAtTheLingersEnd()
    {
        // A clock that moves only when told, and a linger of a minute: a full batch must not wait for it.
        var time = new FakeTimeProvider(Hour);
        var (writer, _, _) = NewWriter(time, flushIntervalMilliseconds: 60_000);
        using (writer)
        {
            await writer.StartAsync(CancellationToken.None);
            var readings = Readings();
            await BufferAsync(writer, readings[..100]);
            await WaitUntilAsync(() => writer.Stored == 100);

            // Five more are a partial batch: stored once the linger has passed.
            await BufferAsync(writer, readings[100..105]);
            await WaitUntilAsync(() =>
            {
                time.Advance(TimeSpan.FromMinutes(1));
                return writer.Stored == 105;
            });
            await writer.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        _stores.ForEach(store => store.Dispose());
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    /// <summary>Four points, one reading a second each, values 0…999 in the order written.</summary>
    private static Reading[] Readings() =>
        [.. Enumerable.Range(0, Sent).Select(i => new Reading($"ups-{i % 4}", "load", Hour.AddSeconds(i / 4), i, "%"))];

    private IOptions<MonitoringOptions> Options(int flushIntervalMilliseconds) => Microsoft.Extensions.Options.Options.Create(new MonitoringOptions
    {
        DataDirectory = _temp.Path,
        History = new HistoryOptions { BatchSize = 100, BacklogBatchSize = 400, FlushIntervalMilliseconds = flushIntervalMilliseconds },
    });

    private (HistoryWriter Writer, CommitThenFailStore Store, MonitoringDatabase Database) NewWriter(TimeProvider time, int flushIntervalMilliseconds)
    {
        var options = Options(flushIntervalMilliseconds);
        var database = new MonitoringDatabase(options);
        var sqlite = new SqliteHistoryStore(database, options);
        _stores.Add(sqlite);
        var store = new CommitThenFailStore(sqlite, () => new InvalidOperationException("never"), failures: 0);
        return (new HistoryWriter(store, options, time, NullLogger<HistoryWriter>.Instance), store, database);
    }

    private static async Task BufferAsync(HistoryWriter writer, IEnumerable<Reading> readings)
    {
        foreach (var reading in readings)
        {
            await writer.WriteAsync(reading, CancellationToken.None);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(20, limit.Token);
        }
    }

    private static async Task<long> ScalarAsync(MonitoringDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
