namespace DataCenterOps.Monitoring.History;

/// <summary>
/// Where history lives: <see cref="SqliteHistoryStore"/> (monitoring.db, the default) or <see cref="PostgresHistoryStore"/>
/// (schema <c>monitoring</c> of the shared PostgreSQL database). <see cref="HistoryWriter"/> (its bounded channel and
/// batches), <see cref="HistoryQuery"/> and <see cref="HistoryMaintenance"/> are the same on both; only this differs.
/// </summary>
public interface IHistoryStore
{
    /// <summary>
    /// Stores one batch all-or-nothing (a failed batch leaves nothing behind, so a retry never duplicates); returns how
    /// many readings were stored (fewer than given only when a write fence turned some away).
    /// </summary>
    Task<int> WriteBatchAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken);

    /// <summary>
    /// Whether any reading of <paramref name="batch"/> is stored already: asked before a failed batch is written again,
    /// because a failure report does not prove that nothing was committed (SQLite can report an I/O or disk-full error
    /// after the commit frame reached the WAL; on PostgreSQL the connection can drop or the wait be cancelled during
    /// COMMIT). A batch is all-or-nothing, so one reading found means the whole batch went in.
    /// </summary>
    Task<bool> AnyStoredAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken);

    /// <summary>True for a failure that may pass (locked, busy, connection lost): the batch or run is tried again.</summary>
    bool IsTransient(Exception exception);

    /// <summary>Samples with from ≤ time &lt; to at <paramref name="resolution"/>, oldest first.</summary>
    Task<IReadOnlyList<HistorySample>> ReadAsync(
        string deviceId, string point, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, CancellationToken cancellationToken);

    /// <summary>
    /// A chart's read, at most <paramref name="maxSamples"/> samples: the rows of <see cref="ReadAsync"/> when the range
    /// holds no more; else one sample per bucket of <see cref="HistoryChartBuckets.WidthMs"/> (stamped with its start:
    /// min, mean, max and count of the rows in it), no per-row sample made. Exports read every row with ReadAsync.
    /// </summary>
    Task<IReadOnlyList<HistorySample>> ReadChartAsync(
        string deviceId, string point, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, int maxSamples, CancellationToken cancellationToken);

    /// <summary>Makes ready what writes in the coming days need (PostgreSQL: the daily partitions ahead); nothing on SQLite.</summary>
    Task PrepareAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Rolls up every complete minute before <paramref name="now"/> from the watermark (and from <paramref name="dirtySince"/>, readings stored late).</summary>
    Task RollupAsync(DateTimeOffset now, DateTimeOffset? dirtySince, CancellationToken cancellationToken);

    /// <summary>Removes raw samples and rollups older than their retention.</summary>
    Task EnforceRetentionAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
