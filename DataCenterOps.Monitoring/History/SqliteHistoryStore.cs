using System.Globalization;
using System.Runtime.InteropServices;
using DataCenterOps.Monitoring.Devices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// History in monitoring.db (the single-node default): the store keeps one connection and its prepared statements for
/// its life, one transaction per batch. Rollups are never re-scanned from the samples: each committed batch adds its
/// own per-minute aggregates to those held here, and the rollup run (every minute) UPSERTs them into the minute and hour
/// tables, adding to what is there — one row write per point and minute instead of one per reading. What is held here
/// and would be lost with the process is covered by a mark committed with each batch (<c>rollup_state 'pending'</c>,
/// the earliest reading not yet in the rollups): the first run after a start, and any run after a failed write,
/// recomputes those minutes from their samples, along the (series, time) key. Retention by DELETE along the same key.
/// Raw ADO.NET and SQLite's own statement API: this is the hot path (see docs/adr/0003).
/// </summary>
public sealed partial class SqliteHistoryStore(MonitoringDatabase database, IOptions<MonitoringOptions> options) : IHistoryStore, IDisposable
{
    private const long MinuteMs = 60_000;
    private const long HourMs = 3_600_000;

    // Readings per multi-row INSERT: one step, one reset and one statement's fixed cost for this many (the rest of a
    // batch goes through the single-row statement).
    private const int RowsPerInsert = 64;

    private static readonly string InsertSql = InsertSqlFor(1);
    private static readonly string InsertManySql = InsertSqlFor(RowsPerInsert);

    // At most this many (point, minute) aggregates wait for the rollup run; beyond, the batch writer writes them itself.
    private const int MaxHeldAggregates = 200_000;

    private const string PendingSql = """
        INSERT INTO rollup_state (name, watermark) VALUES ('pending', ?1)
        ON CONFLICT (name) DO UPDATE SET watermark = min(rollup_state.watermark, excluded.watermark)
        """;

    // SQLite's page cache of the write connection (KiB, negative as the pragma takes it): room for the newest leaf page of
    // every series, so a batch that touches thousands of series does not read them back from the file each time.
    private const int WriteCacheKib = 32 * 1024;

    private readonly Dictionary<(string DeviceId, string Point), long> _seriesIds = [];
    // The batch's readings as rows (series id resolved), sorted by (series, time) before the insert, and the batch's
    // per-minute aggregates, one entry per (series, minute) since the sorted rows come minute by minute: both reused.
    private Row[] _rows = [];
    private Int128[] _keys = [];
    private readonly List<(long Series, long Bucket, Aggregate Minute)> _batchMinutes = [];
    private long _batchEarliest;
    private readonly Dictionary<(long Series, long Bucket), Aggregate> _heldMinutes = [];
    private readonly Dictionary<(long Series, long Bucket), Aggregate> _hours = [];
    private readonly Lock _writeGate = new();
    private SqliteConnection? _writeConnection;
    private sqlite3_stmt? _insert;
    private sqlite3_stmt? _insertMany;
    private sqlite3_stmt? _upsertMinute;
    private sqlite3_stmt? _upsertHour;
    private sqlite3_stmt? _pending;
    private bool _recovered;

    // The earliest reading time whose minute must be recomputed from the samples at the next rollup run (a previous
    // process's pending mark, or a write whose outcome is unknown); long.MaxValue for none.
    private long _recomputeFromMs = long.MaxValue;

    public bool IsTransient(Exception exception) => exception is SqliteException;

    public Task<int> WriteBatchAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken) =>
        // Microsoft.Data.Sqlite's async methods run synchronously anyway.
        Task.FromResult(WriteBatch(batch));

    public async Task<bool> AnyStoredAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return false;
        }

        // All or nothing (one transaction, no fence here): the first reading tells for the batch.
        var first = batch[0];
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandTimeout = database.CommandTimeoutSeconds;
                command.CommandText = "SELECT EXISTS (SELECT 1 FROM samples WHERE series_id = (SELECT id FROM series WHERE device_id = $d AND point = $p) AND ts = $t)";
                command.Parameters.AddWithValue("$d", first.DeviceId);
                command.Parameters.AddWithValue("$p", first.Point);
                command.Parameters.AddWithValue("$t", first.Timestamp.ToUnixTimeMilliseconds());
                return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 1;
            }
        }
    }

    public Task PrepareAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Stores one batch in one transaction on the store's own connection, through statements prepared once and reused
    /// for every batch, values bound by position straight to SQLite (no parameter objects, no boxing, no per-reading
    /// allocation), the batch's rollup aggregates added in the same transaction. A reading already stored (same point,
    /// same millisecond) is not stored twice and not counted twice. After any failure the connection and statements are
    /// dropped; the retry opens them afresh. Returns how many readings were stored.
    /// </summary>
    private int WriteBatch(IReadOnlyList<Reading> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return 0;
        }

        lock (_writeGate)
        {
            try
            {
                var stored = batch switch
                {
                    Reading[] array => WriteBatchCore(array),
                    List<Reading> list => WriteBatchCore(CollectionsMarshal.AsSpan(list)),
                    ArraySegment<Reading> segment => WriteBatchCore(segment),
                    _ => WriteBatchCore([.. batch]),
                };
                if (_heldMinutes.Count > MaxHeldAggregates)
                {
                    FlushHeld();
                }

                return stored;
            }
            catch (SqliteException)
            {
                // It may have committed all the same (a failure reported after the commit): its minutes are recomputed
                // from the samples at the next rollup run rather than counted from here.
                for (var i = 0; i < batch.Count; i++)
                {
                    _recomputeFromMs = Math.Min(_recomputeFromMs, batch[i].Timestamp.ToUnixTimeMilliseconds());
                }

                CloseWriteConnection();
                throw;
            }
        }
    }

    private int WriteBatchCore(ReadOnlySpan<Reading> batch)
    {
        // The fast way reports a reading that was already stored (rare: the writer asks AnyStored before a retry) without
        // telling which one; the batch is then rolled back and written again row by row, each row telling.
        var stored = TryWriteBatch(batch, rowByRow: false);
        return stored >= 0 ? stored : TryWriteBatch(batch, rowByRow: true);
    }

    /// <summary>
    /// One transaction: the series ids resolved, the rows sorted by (series, time) — neighbours in the B-tree one after
    /// another — and inserted <see cref="RowsPerInsert"/> to a statement. -1 (nothing committed) if a multi-row statement
    /// stored fewer rows than it was given.
    /// </summary>
    private int TryWriteBatch(ReadOnlySpan<Reading> batch, bool rowByRow)
    {
        var connection = EnsureWriteConnection();
        _batchMinutes.Clear();
        _batchEarliest = long.MaxValue;
        List<(string DeviceId, string Point)>? newIds = null;
        var committed = false;
        using var transaction = connection.BeginTransaction(deferred: false);
        try
        {
            if (_rows.Length < batch.Length)
            {
                _rows = new Row[batch.Length];
                _keys = new Int128[batch.Length];
            }

            for (var i = 0; i < batch.Length; i++)
            {
                ref readonly var reading = ref batch[i];
                var key = (reading.DeviceId, reading.Point);
                if (!_seriesIds.TryGetValue(key, out var id))
                {
                    id = ResolveSeries(connection, transaction, reading);
                    (newIds ??= []).Add(key);

                    // Usable for the rest of this batch; forgotten again below if the batch does not commit.
                    _seriesIds[key] = id;
                }

                _rows[i] = new Row(id, reading.Timestamp.ToUnixTimeMilliseconds(), reading.Value, i);
                _keys[i] = Key(_rows[i]);
            }

            var rows = SortedUnique(_rows.AsSpan(0, batch.Length), _keys.AsSpan(0, batch.Length));
            var stored = rowByRow ? InsertRowByRow(connection, rows) : InsertMany(connection, rows);
            if (stored < 0)
            {
                return -1;
            }

            if (stored > 0)
            {
                // Committed with the batch: if the process ends before the next rollup run, the next start recomputes from here.
                Check(connection, raw.sqlite3_bind_int64(_pending!, 1, _batchEarliest));
                Step(connection, _pending!);
            }

            transaction.Commit();
            committed = true;
            foreach (var (series, bucket, minute) in _batchMinutes)
            {
                ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(_heldMinutes, (series, bucket), out var seen);
                held = seen ? held.Add(minute) : minute;
            }

            return stored;
        }
        finally
        {
            if (!committed)
            {
                foreach (var key in newIds ?? [])
                {
                    _seriesIds.Remove(key);
                }
            }
        }
    }

    private static void Step(SqliteConnection connection, sqlite3_stmt statement)
    {
        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE)
        {
            Check(connection, step);
        }
    }

    private SqliteConnection EnsureWriteConnection()
    {
        if (_writeConnection is not null)
        {
            return _writeConnection;
        }

        var connection = database.Open();
        try
        {
            using (var pragma = connection.CreateCommand())
            {
                // Readings are not evidence: in WAL mode NORMAL survives a crash of the application (kill -9: committed
                // frames are in the WAL file, the OS writes them) but not of the machine; it skips an fsync per commit (docs/adr/0003).
                pragma.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{WriteCacheKib}");
                pragma.ExecuteNonQuery();
            }

            _insert = Prepare(connection, InsertSql);
            _insertMany = Prepare(connection, InsertManySql);
            _upsertMinute = Prepare(connection, UpsertMinuteSql);
            _upsertHour = Prepare(connection, UpsertHourSql);
            _pending = Prepare(connection, PendingSql);
            if (!_recovered)
            {
                // A mark left by a process that ended before its rollup run: those minutes are recomputed at the next run.
                using var mark = connection.CreateCommand();
                mark.CommandText = "SELECT watermark FROM rollup_state WHERE name = 'pending'";
                if (mark.ExecuteScalar() is long pending)
                {
                    _recomputeFromMs = Math.Min(_recomputeFromMs, pending);
                }

                _recovered = true;
            }

            _writeConnection = connection;
            return connection;
        }
        catch
        {
            _writeConnection = connection;
            CloseWriteConnection();
            throw;
        }
    }

    private static sqlite3_stmt Prepare(SqliteConnection connection, string sql)
    {
        Check(connection, raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        return statement;
    }

    private void CloseWriteConnection()
    {
        _insert?.Dispose();
        _insert = null;
        _insertMany?.Dispose();
        _insertMany = null;
        _upsertMinute?.Dispose();
        _upsertMinute = null;
        _upsertHour?.Dispose();
        _upsertHour = null;
        _pending?.Dispose();
        _pending = null;
        _writeConnection?.Dispose();
        _writeConnection = null;
    }

    private static void Check(SqliteConnection connection, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }

    public void Dispose()
    {
        lock (_writeGate)
        {
            CloseWriteConnection();
        }
    }

    private long ResolveSeries(SqliteConnection connection, SqliteTransaction transaction, Reading reading)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = database.CommandTimeoutSeconds;
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

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
#pragma warning disable CA2100 // Only numbers computed here are interpolated, never input.
            command.CommandText = sql;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
