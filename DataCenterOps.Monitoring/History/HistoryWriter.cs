using System.Threading.Channels;
using DataCenterOps.Monitoring.Devices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// Writes readings to monitoring.db in batches, one transaction each. Readings wait in a bounded channel; when the
/// database is locked the batch is retried with backoff and the channel fills (writers then wait), so a reading is
/// never dropped. A batch is all-or-nothing, so a retry never duplicates.
/// </summary>
public sealed partial class HistoryWriter : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(2);

    private readonly Channel<Reading> _buffer;
    private readonly Dictionary<(string DeviceId, string Point), long> _seriesIds = [];
    private readonly MonitoringDatabase _database;
    private readonly HistoryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<HistoryWriter> _logger;
    private long _stored;
    private long _retries;
    private long _dirtyFromMs = long.MaxValue;

    public HistoryWriter(MonitoringDatabase database, IOptions<MonitoringOptions> options, TimeProvider time, ILogger<HistoryWriter> logger)
    {
        _database = database;
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

    /// <summary>Stores one batch in one transaction (used by the loop, and directly by the benchmark).</summary>
    internal void WriteBatch(IReadOnlyList<Reading> batch)
    {
        using var connection = _database.Open();
        using (var pragma = connection.CreateCommand())
        {
            // Readings are not evidence: in WAL mode NORMAL survives an application crash and skips an fsync per commit.
            pragma.CommandText = "PRAGMA synchronous = NORMAL";
            pragma.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        var newIds = new Dictionary<(string, string), long>();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandTimeout = _database.CommandTimeoutSeconds;
        insert.CommandText = "INSERT INTO samples (series_id, ts, value) VALUES ($s, $t, $v)";
        var series = insert.Parameters.Add("$s", SqliteType.Integer);
        var ts = insert.Parameters.Add("$t", SqliteType.Integer);
        var value = insert.Parameters.Add("$v", SqliteType.Real);
        insert.Prepare();
        var earliest = long.MaxValue;
        foreach (var reading in batch)
        {
            var key = (reading.DeviceId, reading.Point);
            if (!_seriesIds.TryGetValue(key, out var id) && !newIds.TryGetValue(key, out id))
            {
                id = ResolveSeries(connection, transaction, reading);
                newIds[key] = id;
            }

            var ms = reading.Timestamp.ToUnixTimeMilliseconds();
            earliest = Math.Min(earliest, ms);
            series.Value = id;
            ts.Value = ms;
            value.Value = reading.Value;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        foreach (var (key, id) in newIds)
        {
            _seriesIds[key] = id;
        }

        Interlocked.Add(ref _stored, batch.Count);
        LowerDirtyMark(earliest);
    }

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
            // Shutting down: what is buffered still goes in, within a grace period.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            do
            {
                await StoreWithRetryAsync(batch, grace.Token).ConfigureAwait(false);
                Drain(batch);
            }
            while (batch.Count > 0 && !grace.IsCancellationRequested);
        }
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
                WriteBatch(batch);
                batch.Clear();
            }
            catch (SqliteException ex)
            {
                Interlocked.Increment(ref _retries);
                LogRetry(_logger, batch.Count, delay.TotalMilliseconds, ex.SqliteErrorCode, ex.Message);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetryDelay.Ticks));
            }
        }
    }

    private long ResolveSeries(SqliteConnection connection, SqliteTransaction transaction, Reading reading)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = _database.CommandTimeoutSeconds;
        command.CommandText = """
            INSERT INTO series (device_id, point, unit) VALUES ($d, $p, $u)
            ON CONFLICT (device_id, point) DO UPDATE SET unit = excluded.unit
            RETURNING id
            """;
        command.Parameters.AddWithValue("$d", reading.DeviceId);
        command.Parameters.AddWithValue("$p", reading.Point);
        command.Parameters.AddWithValue("$u", reading.Unit);
        return (long)command.ExecuteScalar()!;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} readings failed (SQLite error {Code}: {Reason}); retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int count, double delayMs, int code, string reason);
}
