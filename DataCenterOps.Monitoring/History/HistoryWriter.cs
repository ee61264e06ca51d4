using System.Threading.Channels;
using DataCenterOps.Monitoring.Devices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// Writes readings in batches, one transaction each, to the <see cref="IHistoryStore"/> (monitoring.db, or PostgreSQL). Readings wait in a bounded channel; when the
/// database is locked the batch is retried with backoff and the channel fills (writers then wait), so a reading is
/// never dropped. A batch is all-or-nothing, so a retry never duplicates.
/// </summary>
public sealed partial class HistoryWriter : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(2);

    private readonly Channel<Reading> _buffer;
    private readonly IHistoryStore _store;
    private readonly IDisposable? _ownedStore;
    private readonly HistoryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<HistoryWriter> _logger;
    private long _stored;
    private long _retries;
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
        _time = time;
        _logger = logger;
        _buffer = Channel.CreateBounded<Reading>(new BoundedChannelOptions(_options.BufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>Readings committed to the database since start.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Batches that had to be retried (database locked or busy).</summary>
    public long Retries => Interlocked.Read(ref _retries);

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
        var earliest = long.MaxValue;
        for (var i = 0; i < batch.Count; i++)
        {
            // Indexed, not foreach: no boxed enumerator per batch.
            earliest = Math.Min(earliest, batch[i].Timestamp.ToUnixTimeMilliseconds());
        }

        Interlocked.Add(ref _stored, stored);
        LowerDirtyMark(earliest);
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
                    // Let the batch fill: one commit (one WAL sync) per batch instead of per handful of readings.
                    await Task.Delay(linger, _time, stoppingToken).ConfigureAwait(false);
                    Drain(batch);
                }

                await StoreWithRetryAsync(batch, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await StoreRemainingAsync(batch).ConfigureAwait(false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // A stop that comes before the thread pool ever ran ExecuteAsync cancels it unstarted: the buffer still goes in.
        if (_buffer.Reader.Count > 0)
        {
            await StoreRemainingAsync([]).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _ownedStore?.Dispose();
        base.Dispose();
    }

    /// <summary>Shutting down: the batch in hand and what is buffered still go in, within a grace period.</summary>
    private async Task StoreRemainingAsync(List<Reading> batch)
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        do
        {
            await StoreWithRetryAsync(batch, grace.Token).ConfigureAwait(false);
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

    private void Drain(List<Reading> batch)
    {
        while (batch.Count < _options.BatchSize && _buffer.Reader.TryRead(out var reading))
        {
            batch.Add(reading);
        }
    }

    private async Task StoreWithRetryAsync(List<Reading> batch, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        while (batch.Count > 0)
        {
            try
            {
                await WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
            catch (Exception ex) when (_store.IsTransient(ex))
            {
                Interlocked.Increment(ref _retries);
                LogRetry(_logger, batch.Count, delay.TotalMilliseconds, ex.GetType().Name, ex.Message);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} readings failed ({Error}: {Reason}); retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int count, double delayMs, string error, string reason);
}
