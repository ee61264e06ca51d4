namespace DataCenterOps.Monitoring.Devices;

/// <summary><c>Monitoring:History</c>: where readings go and how long they are kept.</summary>
public sealed class HistoryOptions
{
    /// <summary>File name under the data folder (<c>Monitoring:DataDirectory</c>), or an absolute path.</summary>
    public string DatabaseFile { get; set; } = "monitoring.db";

    public int RawRetentionDays { get; set; } = 7;

    public int RollupRetentionDays { get; set; } = 365;

    /// <summary>Readings waiting for the database (e.g. while it is locked); the poller waits when full, never drops.</summary>
    public int BufferCapacity { get; set; } = 100_000;

    /// <summary>
    /// Readings the writer waits for before it commits (at most <see cref="FlushIntervalMilliseconds"/>): a batch is
    /// committed as soon as this many are in hand, or when the interval has passed with fewer.
    /// </summary>
    public int BatchSize { get; set; } = 2_000;

    /// <summary>
    /// The most readings one transaction takes when more than <see cref="BatchSize"/> are already waiting (a backlog: after
    /// a lock, a burst, a writer behind its pollers). A commit costs about the pages it touches, one per point, not its rows:
    /// a backlog taken whole writes several readings of a point per page. A value below <see cref="BatchSize"/> counts as
    /// <see cref="BatchSize"/>.
    /// </summary>
    public int BacklogBatchSize { get; set; } = 20_000;

    /// <summary>How long the writer lets a batch fill before committing it (fewer, larger transactions).</summary>
    public int FlushIntervalMilliseconds { get; set; } = 250;

    /// <summary>Short on purpose: a locked database fails fast and the batch is retried with backoff.</summary>
    public int CommandTimeoutSeconds { get; set; } = 2;

    public double RollupIntervalSeconds { get; set; } = 60;

    public double RetentionIntervalMinutes { get; set; } = 60;
}
