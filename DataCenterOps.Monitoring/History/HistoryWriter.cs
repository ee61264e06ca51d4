using System.Runtime.InteropServices;
using System.Threading.Channels;
using DataCenterOps.Monitoring.Devices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SQLitePCL;

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
    private readonly Lock _connectionGate = new();
    private SqliteConnection? _connection;
    private sqlite3_stmt? _insert;
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

    /// <summary>Stores one batch in one transaction (used by the loop, and directly by tests and the benchmark).</summary>
    internal void WriteBatch(IReadOnlyList<Reading> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        switch (batch)
        {
            case Reading[] array:
                WriteBatch(array.AsSpan());
                break;
            case List<Reading> list:
                WriteBatch(CollectionsMarshal.AsSpan(list));
                break;
            default:
                WriteBatch([.. batch]);
                break;
        }
    }

    /// <summary>
    /// Stores one batch in one transaction on the writer's own connection, through one insert statement prepared once
    /// and reused for every batch, values bound straight to SQLite (no parameter objects, no per-reading allocation).
    /// After any failure the connection is dropped and opened afresh for the retry.
    /// </summary>
    internal void WriteBatch(ReadOnlySpan<Reading> batch)
    {
        if (batch.IsEmpty)
        {
            return;
        }

        lock (_connectionGate)
        {
            try
            {
                WriteBatchCore(batch);
            }
            catch (SqliteException)
            {
                CloseConnection();
                throw;
            }
        }
    }

    private void WriteBatchCore(ReadOnlySpan<Reading> batch)
    {
        var connection = EnsureConnection();
        using var transaction = connection.BeginTransaction(deferred: false);
        List<((string, string) Key, long Id)>? newIds = null;
        var insert = _insert!;
        var earliest = long.MaxValue;
        try
        {
            foreach (ref readonly var reading in batch)
            {
                var key = (reading.DeviceId, reading.Point);
                if (!_seriesIds.TryGetValue(key, out var id))
                {
                    id = ResolveSeries(connection, transaction, reading);
                    (newIds ??= []).Add((key, id));

                    // Usable for the rest of this batch; forgotten again below if the batch does not commit.
                    _seriesIds[key] = id;
                }

                var ms = reading.Timestamp.ToUnixTimeMilliseconds();
                earliest = Math.Min(earliest, ms);
                Check(connection, raw.sqlite3_bind_int64(insert, 1, id));
                Check(connection, raw.sqlite3_bind_int64(insert, 2, ms));
                Check(connection, raw.sqlite3_bind_double(insert, 3, reading.Value));
                var step = raw.sqlite3_step(insert);
                raw.sqlite3_reset(insert);
                if (step != raw.SQLITE_DONE)
                {
                    Check(connection, step);
                }
            }

            transaction.Commit();
        }
        catch
        {
            foreach (var (key, _) in newIds ?? [])
            {
                _seriesIds.Remove(key);
            }

            throw;
        }

        Interlocked.Add(ref _stored, batch.Length);
        LowerDirtyMark(earliest);
    }

    private SqliteConnection EnsureConnection()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        var connection = _database.Open();
        try
        {
            using (var pragma = connection.CreateCommand())
            {
                // Readings are not evidence: in WAL mode NORMAL survives an application crash and skips an fsync per commit.
                pragma.CommandText = "PRAGMA synchronous = NORMAL";
                pragma.ExecuteNonQuery();
            }

            Check(connection, raw.sqlite3_prepare_v2(connection.Handle, "INSERT INTO samples (series_id, ts, value) VALUES (?1, ?2, ?3)", out var insert));
            _insert = insert;
            _connection = connection;
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void CloseConnection()
    {
        _insert?.Dispose();
        _insert = null;
        _connection?.Dispose();
        _connection = null;
    }

    private static void Check(SqliteConnection connection, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }

    public override void Dispose()
    {
        lock (_connectionGate)
        {
            CloseConnection();
        }

        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One batch list for the writer's life: its array is reused for every batch.
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
                WriteBatch(CollectionsMarshal.AsSpan(batch));
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
