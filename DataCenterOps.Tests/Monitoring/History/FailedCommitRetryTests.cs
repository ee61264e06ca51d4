using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DataCenterOps.Tests.Monitoring.History;

/// <summary>
/// The soak's "one UPS poll stored twice": a batch whose write committed but was reported as failed (SQLite's disk-full
/// or I/O error after the commit frame reached the WAL; a connection lost during COMMIT on PostgreSQL) was written
/// again by the retry. Reproduced here without a soak: the real store commits, then the failure is reported.
/// </summary>
public abstract class FailedCommitRetryTests
{
    private const int Sent = 1_000;
    private const int BatchSize = 100;
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private protected abstract Task<StoreUnderTest> CreateStoreAsync();

    [Fact]
    public async Task ABatchReportedFailedThatHadCommitted_IsNotWrittenAgainByTheRetry()
    {
        await using var under = await CreateStoreAsync();
        var store = new CommitThenFailStore(under.Store, under.Failure, failures: 1);
        using var writer = NewWriter(store, TimeProvider.System);
        await BufferAsync(writer);

        await writer.StartAsync(CancellationToken.None);
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
        {
            while (writer.Stored + writer.AlreadyStored < Sent)
            {
                await Task.Delay(20, limit.Token);
            }
        }

        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(0, await under.DuplicatesAsync());
        Assert.Equal(Sent, await under.CountAsync());
        Assert.Equal(1, writer.Retries);
        Assert.Equal(BatchSize, writer.AlreadyStored);
        Assert.Equal(Sent - BatchSize, writer.Stored);
    }

    [Fact]
    public async Task ABatchReportedFailedThatHadCommitted_IsNotWrittenAgainAtStop()
    {
        await using var under = await CreateStoreAsync();
        var store = new CommitThenFailStore(under.Store, under.Failure, failures: 1);

        // A clock that never moves: the retry waits until the stop, which then stores what is in hand and buffered.
        var time = new FakeTimeProvider(Start);
        using var writer = NewWriter(store, time);
        await BufferAsync(writer);
        await writer.StartAsync(CancellationToken.None);
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
        {
            while (writer.Retries == 0)
            {
                await Task.Delay(20, limit.Token);
            }
        }

        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(0, await under.DuplicatesAsync());
        Assert.Equal(Sent, await under.CountAsync());
        Assert.Equal(BatchSize, writer.AlreadyStored);
        Assert.Equal(Sent - BatchSize, writer.Stored);
    }

    [Fact]
    public async Task ABacklogTakenAsOneTransaction_ReportedFailedThatHadCommitted_IsNotWrittenAgain()
    {
        await using var under = await CreateStoreAsync();
        var store = new CommitThenFailStore(under.Store, under.Failure, failures: 1);

        // 1,000 waiting at the start: a backlog, taken 400 to a transaction; the first of them is reported failed.
        using var writer = NewWriter(store, TimeProvider.System, backlogBatchSize: 400);
        await BufferAsync(writer);
        await writer.StartAsync(CancellationToken.None);
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
        {
            while (writer.Stored + writer.AlreadyStored < Sent)
            {
                await Task.Delay(20, limit.Token);
            }
        }

        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(0, await under.DuplicatesAsync());
        Assert.Equal(Sent, await under.CountAsync());
        Assert.Equal(400, writer.AlreadyStored);
        Assert.Equal(Sent - 400, writer.Stored);
        Assert.Equal([400, 400, 200], store.Batches);
    }

    [Fact]
    public async Task AnyStored_FindsACommittedBatch_AndNotOneNeverWritten()
    {
        await using var under = await CreateStoreAsync();
        Reading[] written = [new("ups-1", "load", Start, 1), new("ups-1", "charge", Start, 2)];
        Reading[] never = [new("ups-1", "load", Start.AddSeconds(1), 3), new("ups-2", "load", Start, 4)];
        await under.Store.WriteBatchAsync(written, CancellationToken.None);

        Assert.True(await under.Store.AnyStoredAsync(written, CancellationToken.None));
        Assert.False(await under.Store.AnyStoredAsync(never, CancellationToken.None));
        Assert.False(await under.Store.AnyStoredAsync([], CancellationToken.None));
    }

    // Transactions of BatchSize unless told: the first batch taken from the buffered readings is the one reported failed.
    private static HistoryWriter NewWriter(IHistoryStore store, TimeProvider time, int backlogBatchSize = BatchSize) => new(
        store,
        Options.Create(new MonitoringOptions { History = new HistoryOptions { BatchSize = BatchSize, BacklogBatchSize = backlogBatchSize, FlushIntervalMilliseconds = 0 } }),
        time,
        NullLogger<HistoryWriter>.Instance);

    /// <summary>Buffered before the loop starts, so the first batch is a full one (the one whose commit is reported failed).</summary>
    private static async Task BufferAsync(HistoryWriter writer)
    {
        for (var i = 0; i < Sent; i++)
        {
            await writer.WriteAsync(new Reading($"ups-{i % 4}", "output.load", Start.AddSeconds(i), i, "%"), CancellationToken.None);
        }
    }

    private protected sealed class StoreUnderTest(IHistoryStore store, Func<Exception> failure, Func<string, Task<long>> scalar, Func<ValueTask> dispose, string samples)
        : IAsyncDisposable
    {
        public IHistoryStore Store => store;

        public Func<Exception> Failure => failure;

        public Task<long> CountAsync() => scalar($"SELECT count(*) FROM {samples}");

        public Task<long> DuplicatesAsync() =>
            scalar($"SELECT count(*) FROM (SELECT series_id, ts FROM {samples} GROUP BY series_id, ts HAVING count(*) > 1) twice");

        public ValueTask DisposeAsync() => dispose();
    }

    public sealed class Sqlite : FailedCommitRetryTests
    {
        private protected override Task<StoreUnderTest> CreateStoreAsync()
        {
            var temp = new TempDirectory();
            var options = Options.Create(new MonitoringOptions { DataDirectory = temp.Path });
            var database = new MonitoringDatabase(options);
            async Task<long> ScalarAsync(string sql)
            {
                await using var connection = await database.OpenAsync(CancellationToken.None);
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }

            ValueTask DisposeAsync()
            {
                SqliteConnection.ClearAllPools();
                temp.Dispose();
                return ValueTask.CompletedTask;
            }

            return Task.FromResult(new StoreUnderTest(
                new SqliteHistoryStore(database, options),
                () => new SqliteException("SQLite Error 13: 'database or disk is full'.", 13),
                ScalarAsync,
                DisposeAsync,
                "samples"));
        }
    }

    public sealed class PostgreSql : FailedCommitRetryTests
    {
        private protected override async Task<StoreUnderTest> CreateStoreAsync()
        {
            var harness = await PostgresHistoryHarness.CreateAsync();
            return new StoreUnderTest(
                harness.Store,
                () => new NpgsqlException("Exception while reading from stream", new IOException("Connection reset by peer")),
                harness.ScalarAsync,
                harness.DisposeAsync,
                "monitoring.history_samples");
        }
    }
}
