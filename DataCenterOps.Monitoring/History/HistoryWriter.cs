using System.Threading.Channels;
using DataCenterOps.Monitoring.Devices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// Writes readings in batches, one transaction each, to the <see cref="IHistoryStore"/> (monitoring.db, or PostgreSQL). Readings wait in a bounded channel; when the
/// database is locked the batch is retried with backoff and the channel fills (writers then wait), so a reading is
/// never dropped. A batch is all-or-nothing, and a failed one is written again only after the store says none of it is
/// there: an attempt reported as failed can have committed all the same (<see cref="IHistoryStore.AnyStoredAsync"/>),
/// so a retry never duplicates. A write in flight is never cancelled (its outcome would be unknown): the stop waits for it.
/// </summary>
public sealed partial class HistoryWriter : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(2);

    private readonly Channel<Reading> _buffer;
    private readonly IHistoryStore _store;
    private readonly IDisposable? _ownedStore;
    private readonly HistoryOptions _options;
    private readonly int _backlogBatchSize;
    private readonly TimeProvider _time;
    private readonly ILogger<HistoryWriter> _logger;
    private long _stored;
    private long _retries;
    private long _alreadyStored;
    private long _dirtyFromMs = long.MaxValue;

    /// <summary>On monitoring.db (tests and tools that open the file themselves).</summary>
    public HistoryWriter(MonitoringDatabase database, IOptions<MonitoringOptions> options, TimeProvider time, ILogger<HistoryWriter> logger)
        : this(new SqliteHistoryStore(database, options), options, time, logger)
    {
        _ownedStore = (IDisposable)_store;
    }

    public HistoryWriter(IHistoryStore store, IOptions<MonitoringOptions> options, TimeProvider time, ILogger<HistoryWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value.History;
        _backlogBatchSize = Math.Max(_options.BatchSize, _options.BacklogBatchSize);
        _time = time;
        _logger = logger;
        _buffer = Channel.CreateBounded<Reading>(new BoundedChannelOptions(_options.BufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>The store this writer writes to (the rollup run must use the same one: it holds the batches' aggregates).</summary>
    internal IHistoryStore Store => _store;

    /// <summary>Readings committed to the database since start.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Batches that had to be retried (database locked or busy).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Readings of batches reported as failed that had been committed all the same (found, so not written again).</summary>
    public long AlreadyStored => Interlocked.Read(ref _alreadyStored);

    /// <summary>Readings waiting in the buffer.</summary>
    public int Pending => _buffer.Reader.Count;

    /// <summary>Queues a reading; waits (never drops) while the buffer is full.</summary>
    public ValueTask WriteAsync(Reading reading, CancellationToken cancellationToken) =>
        _buffer.Writer.WriteAsync(reading, cancellationToken);

    /// <summary>The earliest reading time stored since the last call, for the rollup job; null if none.</summary>
    internal DateTimeOffset? TakeDirtySince()
    {
        var ms = Interlocked.Exchange(ref _dirtyFromMs, long.MaxValue);
        return ms == long.MaxValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    /// <summary>Puts back a mark taken by <see cref="TakeDirtySince"/> when the rollup could not use it.</summary>
    internal void RestoreDirtySince(DateTimeOffset since) => LowerDirtyMark(since.ToUnixTimeMilliseconds());

    /// <summary>Stores one batch in one transaction (used by the loop, and directly by tests and the benchmark).</summary>
    internal async Task WriteBatchAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        var stored = await _store.WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _stored, stored);
        LowerDirtyMark(Earliest(batch));
    }

    private static long Earliest(IReadOnlyList<Reading> batch)
    {
        var earliest = long.MaxValue;
        for (var i = 0; i < batch.Count; i++)
        {
            // Indexed, not foreach: no boxed enumerator per batch.
            earliest = Math.Min(earliest, batch[i].Timestamp.ToUnixTimeMilliseconds());
        }

        return earliest;
    }

    /// <summary>Synchronous <see cref="WriteBatchAsync"/> for tests and the benchmark on monitoring.db (whose store is synchronous).</summary>
    internal void WriteBatch(IReadOnlyList<Reading> batch) => WriteBatchAsync(batch, CancellationToken.None).GetAwaiter().GetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Reading>(_options.BatchSize);
        try
        {
            var linger = TimeSpan.FromMilliseconds(_options.FlushIntervalMilliseconds);
            while (await _buffer.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                Drain(batch);
                if (batch.Count < _options.BatchSize && linger > TimeSpan.Zero)
                {
                    await FillAsync(batch, linger, stoppingToken).ConfigureAwait(false);
                }

                await StoreWithRetryAsync(batch, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The batch in hand may have met a failed attempt before the stop: StoreRemainingAsync asks before writing it.
            await StoreRemainingAsync(batch, mayBeStored: true).ConfigureAwait(false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // A stop that comes before the thread pool ever ran ExecuteAsync cancels it unstarted: the buffer still goes in.
        // Only once the loop has ended: a loop still storing (the stop's own wait ran out first) drains the buffer
        // itself, and two drainers would write to the store side by side.
        if (_buffer.Reader.Count > 0 && ExecuteTask is null or { IsCompleted: true })
        {
            await StoreRemainingAsync([], mayBeStored: false).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _ownedStore?.Dispose();
        base.Dispose();
    }

    /// <summary>Shutting down: the batch in hand and what is buffered still go in, within a grace period.</summary>
    private async Task StoreRemainingAsync(List<Reading> batch, bool mayBeStored)
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        do
        {
            await StoreWithRetryAsync(batch, grace.Token, mayBeStored).ConfigureAwait(false);
            mayBeStored = false;
            Drain(batch);
        }
        while (batch.Count > 0 && !grace.IsCancellationRequested);
    }

    private void LowerDirtyMark(long ms)
    {
        long seen;
        while (ms < (seen = Interlocked.Read(ref _dirtyFromMs)) && Interlocked.CompareExchange(ref _dirtyFromMs, ms, seen) != seen)
        {
        }
    }

    /// <summary>
    /// Lets the batch fill — one commit per batch instead of one per handful of readings — until it holds
    /// <see cref="HistoryOptions.BatchSize"/> readings or the linger has passed, whichever comes first: a full batch does
    /// not wait out the linger.
    /// </summary>
    private async Task FillAsync(List<Reading> batch, TimeSpan linger, CancellationToken stoppingToken)
    {
        using var lingered = new CancellationTokenSource(linger, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lingered.Token);
        while (batch.Count < _options.BatchSize)
        {
            try
            {
                if (!await _buffer.Reader.WaitToReadAsync(either.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }

            Drain(batch);
        }
    }

    /// <summary>
    /// Takes what is waiting, up to <see cref="HistoryOptions.BacklogBatchSize"/>: a backlog goes in as one transaction (a
    /// commit costs about a page per point it touches, whatever the readings per point), still all or nothing.
    /// </summary>
    private void Drain(List<Reading> batch)
    {
        while (batch.Count < _backlogBatchSize && _buffer.Reader.TryRead(out var reading))
        {
            batch.Add(reading);
        }
    }

    private async Task StoreWithRetryAsync(List<Reading> batch, CancellationToken cancellationToken, bool mayBeStored = false)
    {
        var delay = FirstRetryDelay;
        var failed = mayBeStored;
        while (batch.Count > 0)
        {
            try
            {
                // The cancellation token only ends the waits between attempts: a write is never cancelled half-way.
                if (failed && await _store.AnyStoredAsync(batch, CancellationToken.None).ConfigureAwait(false))
                {
                    // The attempt that "failed" had committed (e.g. an I/O error reported after the commit): not again.
                    Interlocked.Add(ref _alreadyStored, batch.Count);
                    LowerDirtyMark(Earliest(batch));
                    LogAlreadyStored(_logger, batch.Count);
                }
                else
                {
                    await WriteBatchAsync(batch, CancellationToken.None).ConfigureAwait(false);
                }

                batch.Clear();
            }
            catch (Exception ex) when (_store.IsTransient(ex))
            {
                failed = true;
                Interlocked.Increment(ref _retries);
                LogRetry(_logger, batch.Count, delay.TotalMilliseconds, ex.GetType().Name, ex.Message);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} readings reported as not stored were in the database after all (the failed attempt had committed); not written again")]
    private static partial void LogAlreadyStored(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} readings failed ({Error}: {Reason}); retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int count, double delayMs, string error, string reason);
}
