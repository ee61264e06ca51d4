using DataCenterOps.Monitoring.Devices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// History in monitoring.db (the single-node default): one prepared INSERT per reading in one transaction per batch,
/// rollups keyed by Unix milliseconds, retention by DELETE. Raw ADO.NET: this is the hot path (see docs/adr).
/// </summary>
public sealed class SqliteHistoryStore(MonitoringDatabase database, IOptions<MonitoringOptions> options) : IHistoryStore
{
    private const long MinuteMs = 60_000;
    private const long HourMs = 3_600_000;

    // Recomputed again each run: covers readings that arrived late after the previous run.
    private const long RecomputeMarginMs = 10 * MinuteMs;

    private readonly Dictionary<(string DeviceId, string Point), long> _seriesIds = [];

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
            var from = Floor(Math.Min(watermark - RecomputeMarginMs, dirty ?? long.MaxValue), MinuteMs);
            if (from < to)
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                await ExecuteAsync(connection, Rollup(from, to), cancellationToken, transaction).ConfigureAwait(false);
                transaction.Commit();
            }
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
        var sql = resolution switch
        {
            HistoryResolution.Raw => "SELECT ts, value, value, value, 1 FROM samples WHERE series_id = (SELECT id FROM series WHERE device_id = $d AND point = $p) AND ts >= $from AND ts < $to ORDER BY ts",
            HistoryResolution.Minute => "SELECT bucket, min, sum / count, max, count FROM rollup_minute WHERE series_id = (SELECT id FROM series WHERE device_id = $d AND point = $p) AND bucket >= $from AND bucket < $to ORDER BY bucket",
            _ => "SELECT bucket, min, sum / count, max, count FROM rollup_hour WHERE series_id = (SELECT id FROM series WHERE device_id = $d AND point = $p) AND bucket >= $from AND bucket < $to ORDER BY bucket",
        };
        var samples = new List<HistorySample>();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                command.Parameters.AddWithValue("$d", deviceId);
                command.Parameters.AddWithValue("$p", point);
                command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        samples.Add(new HistorySample(
                            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                            reader.GetDouble(1),
                            reader.GetDouble(2),
                            reader.GetDouble(3),
                            reader.GetInt64(4)));
                    }
                }
            }
        }

        return samples;
    }

    private void WriteBatch(IReadOnlyList<Reading> batch)
    {
        using var connection = database.Open();
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
        insert.CommandTimeout = database.CommandTimeoutSeconds;
        insert.CommandText = "INSERT INTO samples (series_id, ts, value) VALUES ($s, $t, $v)";
        var series = insert.Parameters.Add("$s", SqliteType.Integer);
        var ts = insert.Parameters.Add("$t", SqliteType.Integer);
        var value = insert.Parameters.Add("$v", SqliteType.Real);
        insert.Prepare();
        foreach (var reading in batch)
        {
            var key = (reading.DeviceId, reading.Point);
            if (!_seriesIds.TryGetValue(key, out var id) && !newIds.TryGetValue(key, out id))
            {
                id = ResolveSeries(connection, transaction, reading);
                newIds[key] = id;
            }

            series.Value = id;
            ts.Value = reading.Timestamp.ToUnixTimeMilliseconds();
            value.Value = reading.Value;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        foreach (var (key, id) in newIds)
        {
            _seriesIds[key] = id;
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
