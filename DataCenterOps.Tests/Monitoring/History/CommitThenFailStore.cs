using DataCenterOps.Monitoring.History;

namespace DataCenterOps.Tests.Monitoring.History;

/// <summary>
/// A real history store whose next <c>failures</c> batch writes commit and then report a transient failure — what
/// SQLite does when an I/O or disk-full error comes after the commit frame reached the WAL, and what PostgreSQL does
/// when the connection drops while COMMIT is answered. Everything else is the inner store's.
/// </summary>
internal sealed class CommitThenFailStore(IHistoryStore inner, Func<Exception> failure, int failures) : IHistoryStore
{
    private int _failuresLeft = failures;

    /// <summary>The size of each batch given to the store, in order (the writer's transactions, retries included).</summary>
    public List<int> Batches { get; } = [];

    public async Task<int> WriteBatchAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        lock (Batches)
        {
            Batches.Add(batch.Count);
        }

        var stored = await inner.WriteBatchAsync(batch, cancellationToken);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw failure();
        }

        return stored;
    }

    public Task<bool> AnyStoredAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken) => inner.AnyStoredAsync(batch, cancellationToken);

    public bool IsTransient(Exception exception) => inner.IsTransient(exception);

    public Task<IReadOnlyList<HistorySample>> ReadAsync(
        string deviceId, string point, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, CancellationToken cancellationToken) =>
        inner.ReadAsync(deviceId, point, from, to, resolution, cancellationToken);

    public Task<IReadOnlyList<HistorySample>> ReadChartAsync(
        string deviceId, string point, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, int maxSamples, CancellationToken cancellationToken) =>
        inner.ReadChartAsync(deviceId, point, from, to, resolution, maxSamples, cancellationToken);

    public Task PrepareAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.PrepareAsync(now, cancellationToken);

    public Task RollupAsync(DateTimeOffset now, DateTimeOffset? dirtySince, CancellationToken cancellationToken) =>
        inner.RollupAsync(now, dirtySince, cancellationToken);

    public Task EnforceRetentionAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.EnforceRetentionAsync(now, cancellationToken);
}
