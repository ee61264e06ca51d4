using System.Collections.Concurrent;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Devices;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// History in schema <c>monitoring</c> of the shared PostgreSQL database (<see cref="PostgresHistorySchema"/>): a batch is
/// one transaction with one binary <c>COPY</c>; 1-minute and 1-hour rollups are <c>INSERT … SELECT … GROUP BY date_trunc
/// … ON CONFLICT DO UPDATE</c> from a watermark; retention drops whole day partitions. Partitions are created
/// <see cref="AheadDays"/> ahead by maintenance and on demand by the writer, so a reading never lands in a default
/// partition (there is none) and never fails for want of one.
/// </summary>
public sealed partial class PostgresHistoryStore(SharedDatabase database, IOptions<MonitoringOptions> options, IHistoryWriteFence fence) : IHistoryStore
{
    /// <summary>Days after today whose partitions maintenance creates ahead.</summary>
    public const int AheadDays = 2;

    // Recomputed again each run: covers readings that arrived late after the previous run (also from other nodes).
    private static readonly TimeSpan RecomputeMargin = TimeSpan.FromMinutes(10);

    private static readonly string RollupSql = $"""
        INSERT INTO {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Minutes} (series_id, bucket, min, max, sum, count)
        SELECT series_id, date_trunc('minute', ts, 'UTC'), min(value), max(value), sum(value), count(*)
        FROM {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Samples} WHERE ts >= @from AND ts < @to
        GROUP BY 1, 2
        ON CONFLICT (series_id, bucket) DO UPDATE SET min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count;
        INSERT INTO {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Hours} (series_id, bucket, min, max, sum, count)
        SELECT series_id, date_trunc('hour', bucket, 'UTC'), min(min), max(max), sum(sum), sum(count)
        FROM {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Minutes} WHERE bucket >= date_trunc('hour', @from, 'UTC') AND bucket < @to
        GROUP BY 1, 2
        ON CONFLICT (series_id, bucket) DO UPDATE SET min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count;
        INSERT INTO {PostgresHistorySchema.Schema}.history_rollup_state (name, watermark) VALUES ('minute', @to)
        ON CONFLICT (name) DO UPDATE SET watermark = greatest(history_rollup_state.watermark, excluded.watermark);
        """;

    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly ConcurrentDictionary<(string Table, DateOnly Day), bool> _partitions = new();
    private readonly ConcurrentDictionary<(string DeviceId, string Point), long> _seriesIds = new();
    private volatile bool _schemaReady;

    public bool IsTransient(Exception exception) => exception is NpgsqlException;

    public async Task<bool> AnyStoredAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return false;
        }

        // Every reading is asked for, not only the first: the write fence may have turned some of the batch away.
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = $"""
                    SELECT EXISTS (SELECT 1 FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS b (device_id, point, ts)
                    JOIN {PostgresHistorySchema.Schema}.history_series r ON r.device_id = b.device_id AND r.point = b.point
                    JOIN {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Samples} s ON s.series_id = r.id AND s.ts = b.ts)
                    """;
                command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(r => r.DeviceId).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(r => r.Point).ToArray() });
                command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(r => r.Timestamp.UtcDateTime).ToArray() });
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
            }
        }
    }

    public async Task<int> WriteBatchAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return 0;
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var days = new HashSet<DateOnly>();
            foreach (var reading in batch)
            {
                days.Add(DateOnly.FromDateTime(reading.Timestamp.UtcDateTime));
            }

            foreach (var day in days)
            {
                await EnsurePartitionAsync(connection, PostgresHistorySchema.Samples, day, cancellationToken).ConfigureAwait(false);
            }

            await ResolveSeriesAsync(connection, batch, cancellationToken).ConfigureAwait(false);
            try
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var admitted = await fence.AdmitAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
                    var importer = await connection.BeginBinaryImportAsync(
                        $"COPY {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Samples} (series_id, ts, value) FROM STDIN (FORMAT BINARY)",
                        cancellationToken).ConfigureAwait(false);
                    await using (importer.ConfigureAwait(false))
                    {
                        foreach (var reading in admitted)
                        {
                            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                            await importer.WriteAsync(_seriesIds[(reading.DeviceId, reading.Point)], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                            await importer.WriteAsync(reading.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                            await importer.WriteAsync(reading.Value, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                        }

                        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return admitted.Count;
                }
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CheckViolation)
            {
                // "No partition of relation found for row": a partition known here was dropped meanwhile (retention on
                // another node). Forget what is known, so the retry creates it again.
                _partitions.Clear();
                throw;
            }
        }
    }

    private const string SeriesOfPoint = $"(SELECT id FROM {PostgresHistorySchema.Schema}.history_series WHERE device_id = @d AND point = @p)";

    public async Task<IReadOnlyList<HistorySample>> ReadAsync(
        string deviceId, string point, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await ReadSamplesAsync(RowsSql(resolution), deviceId, point, from, to, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<HistorySample>> ReadChartAsync(
        string deviceId, string point, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, int maxSamples, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSamples, 2);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        // The rows themselves while they fit (the read stops one past the bound); else the buckets, grouped by the server.
        var rows = await ReadSamplesAsync(RowsSql(resolution) + " LIMIT @limit", deviceId, point, from, to, ("limit", maxSamples + 1L), cancellationToken).ConfigureAwait(false);
        if (rows.Count <= maxSamples)
        {
            return rows;
        }

        var width = TimeSpan.FromMilliseconds(HistoryChartBuckets.WidthMs(from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), resolution, maxSamples));
        const string Epoch = "TIMESTAMPTZ '1970-01-01 00:00:00+00'";
        var sql = resolution switch
        {
            HistoryResolution.Raw => $"SELECT date_bin(@width, ts, {Epoch}) AS b, min(value), avg(value), max(value), count(*) FROM {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Samples} WHERE series_id = {SeriesOfPoint} AND ts >= @from AND ts < @to GROUP BY b ORDER BY b",
            HistoryResolution.Minute => $"SELECT date_bin(@width, bucket, {Epoch}) AS b, min(min), sum(sum) / sum(count)::float8, max(max), sum(count)::bigint FROM {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Minutes} WHERE series_id = {SeriesOfPoint} AND bucket >= @from AND bucket < @to GROUP BY b ORDER BY b",
            _ => $"SELECT date_bin(@width, bucket, {Epoch}) AS b, min(min), sum(sum) / sum(count)::float8, max(max), sum(count)::bigint FROM {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Hours} WHERE series_id = {SeriesOfPoint} AND bucket >= @from AND bucket < @to GROUP BY b ORDER BY b",
        };
        return await ReadSamplesAsync(sql, deviceId, point, from, to, ("width", width), cancellationToken).ConfigureAwait(false);
    }

    private static string RowsSql(HistoryResolution resolution) => resolution switch
    {
        HistoryResolution.Raw => $"SELECT ts, value, value, value, 1::bigint FROM {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Samples} WHERE series_id = {SeriesOfPoint} AND ts >= @from AND ts < @to ORDER BY ts",
        HistoryResolution.Minute => $"SELECT bucket, min, sum / count, max, count FROM {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Minutes} WHERE series_id = {SeriesOfPoint} AND bucket >= @from AND bucket < @to ORDER BY bucket",
        _ => $"SELECT bucket, min, sum / count, max, count FROM {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Hours} WHERE series_id = {SeriesOfPoint} AND bucket >= @from AND bucket < @to ORDER BY bucket",
    };

    /// <summary>Runs a read of (time, min, avg, max, count) rows with the point and range bound, and one more parameter if given.</summary>
    private async Task<List<HistorySample>> ReadSamplesAsync(
        string sql, string deviceId, string point, DateTimeOffset from, DateTimeOffset to, (string Name, object Value)? extra, CancellationToken cancellationToken)
    {
        var samples = new List<HistorySample>();
        var command = database.DataSource.CreateCommand(sql);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("d", deviceId);
            command.Parameters.AddWithValue("p", point);
            command.Parameters.AddWithValue("from", from.UtcDateTime);
            command.Parameters.AddWithValue("to", to.UtcDateTime);
            if (extra is { } parameter)
            {
                command.Parameters.AddWithValue(parameter.Name, parameter.Value);
            }

            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    samples.Add(new HistorySample(
                        new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero),
                        reader.GetDouble(1),
                        reader.GetDouble(2),
                        reader.GetDouble(3),
                        reader.GetInt64(4)));
                }
            }
        }

        return samples;
    }

    public async Task RollupAsync(DateTimeOffset now, DateTimeOffset? dirtySince, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var to = FloorMinute(now.UtcDateTime);
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // One node rolls up at a time; the next one then recomputes from the watermark the first one left.
                await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({PostgresHistorySchema.RollupLockKey})", cancellationToken).ConfigureAwait(false);
                var watermark = await ScalarAsync(connection, $"SELECT watermark FROM {PostgresHistorySchema.Schema}.history_rollup_state WHERE name = 'minute'", cancellationToken).ConfigureAwait(false)
                    ?? await ScalarAsync(connection, $"SELECT min(ts) FROM {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Samples}", cancellationToken).ConfigureAwait(false)
                    ?? to;
                var start = watermark - RecomputeMargin;
                if (dirtySince is { } dirty && dirty.UtcDateTime < start)
                {
                    start = dirty.UtcDateTime;
                }

                var from = FloorMinute(start);
                if (from < to)
                {
                    for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
                    {
                        await EnsurePartitionAsync(connection, PostgresHistorySchema.Minutes, day, cancellationToken).ConfigureAwait(false);
                    }

                    var command = new NpgsqlCommand(RollupSql, connection);
                    await using (command.ConfigureAwait(false))
                    {
                        command.Parameters.AddWithValue("from", from);
                        command.Parameters.AddWithValue("to", to);
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static DateTime FloorMinute(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    private async Task ResolveSeriesAsync(NpgsqlConnection connection, IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        var missing = new Dictionary<(string DeviceId, string Point), string>();
        foreach (var reading in batch)
        {
            if (!_seriesIds.ContainsKey((reading.DeviceId, reading.Point)))
            {
                missing[(reading.DeviceId, reading.Point)] = reading.Unit;
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        var command = new NpgsqlCommand(
            $"""
            INSERT INTO {PostgresHistorySchema.Schema}.history_series (device_id, point, unit)
            SELECT * FROM unnest(@d, @p, @u)
            ON CONFLICT (device_id, point) DO UPDATE SET unit = excluded.unit
            RETURNING id, device_id, point
            """,
            connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("d", missing.Keys.Select(k => k.DeviceId).ToArray());
            command.Parameters.AddWithValue("p", missing.Keys.Select(k => k.Point).ToArray());
            command.Parameters.AddWithValue("u", missing.Values.ToArray());
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    _seriesIds[(reader.GetString(1), reader.GetString(2))] = reader.GetInt64(0);
                }
            }
        }
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await ExecuteAsync(connection, PostgresHistorySchema.Sql, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private static async Task<DateTime?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return result is DateTime value ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : null;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // Only the schema's own constants and catalog names are put into SQL here, never input.
        var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
