using DataCenterOps.Monitoring.Devices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// History in monitoring.db (the single-node default): the store keeps one connection and one prepared INSERT for its
/// life, one transaction per batch; rollups keyed by Unix milliseconds, incremental from a watermark; retention by DELETE. Raw ADO.NET: this is the hot path (see docs/adr).
/// </summary>
public sealed class SqliteHistoryStore(MonitoringDatabase database, IOptions<MonitoringOptions> options) : IHistoryStore, IDisposable
{
    private const long MinuteMs = 60_000;
    private const long HourMs = 3_600_000;

    // Late readings are marked by the writer (dirtySince), so a run recomputes only from the previous watermark, one
    // minute back (a reading committed just as the previous run read). The first run after a start goes further back:
    // the marks of readings stored just before a crash were lost with the process.
    private const long RecomputeMarginMs = MinuteMs;
    private const long FirstRunMarginMs = 10 * MinuteMs;

    private readonly Dictionary<(string DeviceId, string Point), long> _seriesIds = [];
    private readonly Lock _writeGate = new();
    private SqliteConnection? _writeConnection;
    private sqlite3_stmt? _insert;
    private bool _rolledUpOnce;

    public bool IsTransient(Exception exception) => exception is SqliteException;

    public Task<int> WriteBatchAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite's async methods run synchronously anyway.
        WriteBatch(batch);
        return Task.FromResult(batch.Count);
    }

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

    public async Task RollupAsync(DateTimeOffset now, DateTimeOffset? dirtySince, CancellationToken cancellationToken)
    {
        var to = Floor(now.ToUnixTimeMilliseconds(), MinuteMs);
        var dirty = dirtySince?.ToUnixTimeMilliseconds();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var watermark = (long?)await ScalarAsync(connection, "SELECT watermark FROM rollup_state WHERE name = 'minute'", cancellationToken).ConfigureAwait(false)
                ?? (long?)await ScalarAsync(connection, "SELECT min(ts) FROM samples", cancellationToken).ConfigureAwait(false)
                ?? to;
            var margin = _rolledUpOnce ? RecomputeMarginMs : FirstRunMarginMs;
            var from = Floor(Math.Min(watermark - margin, dirty ?? long.MaxValue), MinuteMs);
            if (from < to)
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                await ExecuteAsync(connection, Rollup(from, to), cancellationToken, transaction).ConfigureAwait(false);
                transaction.Commit();
            }

            _rolledUpOnce = true;
        }
    }

    public async Task EnforceRetentionAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var history = options.Value.History;
        var rawCut = (now - TimeSpan.FromDays(history.RawRetentionDays)).ToUnixTimeMilliseconds();
        var rollupCut = (now - TimeSpan.FromDays(history.RollupRetentionDays)).ToUnixTimeMilliseconds();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await ExecuteAsync(
                connection,
                $"""
                DELETE FROM samples WHERE ts < {rawCut};
                DELETE FROM rollup_minute WHERE bucket < {rollupCut};
                DELETE FROM rollup_hour WHERE bucket < {rollupCut};
                """,
                cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<HistorySample>> ReadAsync(
        string deviceId, string point, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, CancellationToken cancellationToken)
    {
        // Raw rows through the covering index (series_id, ts, value): the table itself is never read.
        var (sql, bucketMs) = resolution switch
        {
            HistoryResolution.Raw => ("SELECT ts, value FROM samples WHERE series_id = (SELECT id FROM series WHERE device_id = $d AND point = $p) AND ts >= $from AND ts < $to ORDER BY ts", 10_000L),
            HistoryResolution.Minute => ("SELECT bucket, min, sum / count, max, count FROM rollup_minute WHERE series_id = (SELECT id FROM series WHERE device_id = $d AND point = $p) AND bucket >= $from AND bucket < $to ORDER BY bucket", MinuteMs),
            _ => ("SELECT bucket, min, sum / count, max, count FROM rollup_hour WHERE series_id = (SELECT id FROM series WHERE device_id = $d AND point = $p) AND bucket >= $from AND bucket < $to ORDER BY bucket", HourMs),
        };
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();

        // Room for the rows the range holds at the resolution (raw: at a 10-s interval), capped: no list regrown 15 times.
        var samples = new List<HistorySample>((int)Math.Clamp((toMs - fromMs) / bucketMs, 0, 100_000));
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$d", deviceId);
            command.Parameters.AddWithValue("$p", point);
            command.Parameters.AddWithValue("$from", fromMs);
            command.Parameters.AddWithValue("$to", toMs);

            // Microsoft.Data.Sqlite's async reads run synchronously anyway; the synchronous loop saves a task per row.
            cancellationToken.ThrowIfCancellationRequested();
            using var reader = command.ExecuteReader();
            if (resolution == HistoryResolution.Raw)
            {
                while (reader.Read())
                {
                    var value = reader.GetDouble(1);
                    samples.Add(new HistorySample(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), value, value, value, 1));
                }
            }
            else
            {
                while (reader.Read())
                {
                    samples.Add(new HistorySample(
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt64(4)));
                }
            }
        }

        return samples;
    }

    /// <summary>
    /// Stores one batch in one transaction on the store's own connection, through one INSERT prepared once and reused
    /// for every batch, values bound straight to SQLite (no parameter objects, no boxing, no per-reading allocation).
    /// After any failure the connection and statement are dropped; the retry opens them afresh.
    /// </summary>
    private void WriteBatch(IReadOnlyList<Reading> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        lock (_writeGate)
        {
            try
            {
                switch (batch)
                {
                    case Reading[] array:
                        WriteBatchCore(array);
                        break;
                    case List<Reading> list:
                        WriteBatchCore(CollectionsMarshal.AsSpan(list));
                        break;
                    case ArraySegment<Reading> segment:
                        WriteBatchCore(segment);
                        break;
                    default:
                        WriteBatchCore([.. batch]);
                        break;
                }
            }
            catch (SqliteException)
            {
                CloseWriteConnection();
                throw;
            }
        }
    }

    private void WriteBatchCore(ReadOnlySpan<Reading> batch)
    {
        var connection = EnsureWriteConnection();
        var insert = _insert!;
        using var transaction = connection.BeginTransaction(deferred: false);
        List<(string DeviceId, string Point)>? newIds = null;
        try
        {
            foreach (ref readonly var reading in batch)
            {
                var key = (reading.DeviceId, reading.Point);
                if (!_seriesIds.TryGetValue(key, out var id))
                {
                    id = ResolveSeries(connection, transaction, reading);
                    (newIds ??= []).Add(key);

                    // Usable for the rest of this batch; forgotten again below if the batch does not commit.
                    _seriesIds[key] = id;
                }

                Check(connection, raw.sqlite3_bind_int64(insert, 1, id));
                Check(connection, raw.sqlite3_bind_int64(insert, 2, reading.Timestamp.ToUnixTimeMilliseconds()));
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
            foreach (var key in newIds ?? [])
            {
                _seriesIds.Remove(key);
            }

            throw;
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
                pragma.CommandText = "PRAGMA synchronous = NORMAL";
                pragma.ExecuteNonQuery();
            }

            Check(connection, raw.sqlite3_prepare_v2(connection.Handle, "INSERT INTO samples (series_id, ts, value) VALUES (?1, ?2, ?3)", out var insert));
            _insert = insert;
            _writeConnection = connection;
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void CloseWriteConnection()
    {
        _insert?.Dispose();
        _insert = null;
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

    private static string Rollup(long from, long to)
    {
        var hourFrom = Floor(from, HourMs);
        return $"""
            INSERT INTO rollup_minute (series_id, bucket, min, max, sum, count)
            SELECT series_id, ts - ts % {MinuteMs}, min(value), max(value), sum(value), count(*)
            FROM samples WHERE ts >= {from} AND ts < {to}
            GROUP BY series_id, ts - ts % {MinuteMs}
            ON CONFLICT (series_id, bucket) DO UPDATE SET min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count;
            INSERT INTO rollup_hour (series_id, bucket, min, max, sum, count)
            SELECT series_id, bucket - bucket % {HourMs}, min(min), max(max), sum(sum), sum(count)
            FROM rollup_minute WHERE bucket >= {hourFrom} AND bucket < {to}
            GROUP BY series_id, bucket - bucket % {HourMs}
            ON CONFLICT (series_id, bucket) DO UPDATE SET min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count;
            INSERT INTO rollup_state (name, watermark) VALUES ('minute', {to})
            ON CONFLICT (name) DO UPDATE SET watermark = max(watermark, excluded.watermark);
            """;
    }

    private static long Floor(long ms, long bucket) => ms - (((ms % bucket) + bucket) % bucket);

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return result is DBNull ? null : result;
        }
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
