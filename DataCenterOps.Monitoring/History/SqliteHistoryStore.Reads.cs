using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DataCenterOps.Monitoring.History;

/// <summary>The store's reads (a chart's range of one point) and its retention, both along the (series, time) key.</summary>
public sealed partial class SqliteHistoryStore
{
    public async Task EnforceRetentionAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var history = options.Value.History;
        var rawCut = (now - TimeSpan.FromDays(history.RawRetentionDays)).ToUnixTimeMilliseconds();
        var rollupCut = (now - TimeSpan.FromDays(history.RollupRetentionDays)).ToUnixTimeMilliseconds();
        // Along the (series, time) key, one range per series: the tables have no time index to scan.
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await ExecuteAsync(
                connection,
                $"""
                DELETE FROM samples WHERE series_id IN (SELECT id FROM series) AND ts < {rawCut};
                DELETE FROM rollup_minute WHERE series_id IN (SELECT id FROM series) AND bucket < {rollupCut};
                DELETE FROM rollup_hour WHERE series_id IN (SELECT id FROM series) AND bucket < {rollupCut};
                """,
                cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<HistorySample>> ReadAsync(
        string deviceId, string point, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, CancellationToken cancellationToken)
    {
        // One contiguous range of a table clustered on (series, time); the series id looked up first (one key lookup).
        var (sql, bucketMs) = resolution switch
        {
            HistoryResolution.Raw => ("SELECT ts, value FROM samples WHERE series_id = ?1 AND ts >= ?2 AND ts < ?3 ORDER BY ts", 10_000L),
            HistoryResolution.Minute => ("SELECT bucket, min, sum / count, max, count FROM rollup_minute WHERE series_id = ?1 AND bucket >= ?2 AND bucket < ?3 ORDER BY bucket", MinuteMs),
            _ => ("SELECT bucket, min, sum / count, max, count FROM rollup_hour WHERE series_id = ?1 AND bucket >= ?2 AND bucket < ?3 ORDER BY bucket", HourMs),
        };
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();

        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Microsoft.Data.Sqlite's async reads run synchronously anyway; SQLite's own statement API read by column
            // position saves the data reader's per-row bookkeeping.
            cancellationToken.ThrowIfCancellationRequested();
            if (SeriesId(connection, deviceId, point) is not { } series)
            {
                return [];
            }

            // Room for the rows the range holds at the resolution (raw: at a 10-s interval), capped: no list regrown 15 times.
            var samples = new List<HistorySample>((int)Math.Clamp((toMs - fromMs) / bucketMs, 0, 100_000));
            Check(connection, raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
            using (statement)
            {
                Check(connection, raw.sqlite3_bind_int64(statement, 1, series));
                Check(connection, raw.sqlite3_bind_int64(statement, 2, fromMs));
                Check(connection, raw.sqlite3_bind_int64(statement, 3, toMs));
                int step;
                if (resolution == HistoryResolution.Raw)
                {
                    while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                    {
                        var value = raw.sqlite3_column_double(statement, 1);
                        samples.Add(new HistorySample(DateTimeOffset.FromUnixTimeMilliseconds(raw.sqlite3_column_int64(statement, 0)), value, value, value, 1));
                    }
                }
                else
                {
                    while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                    {
                        samples.Add(new HistorySample(
                            DateTimeOffset.FromUnixTimeMilliseconds(raw.sqlite3_column_int64(statement, 0)),
                            raw.sqlite3_column_double(statement, 1),
                            raw.sqlite3_column_double(statement, 2),
                            raw.sqlite3_column_double(statement, 3),
                            raw.sqlite3_column_int64(statement, 4)));
                    }
                }

                if (step != raw.SQLITE_DONE)
                {
                    Check(connection, step);
                }
            }

            return samples;
        }
    }

    private long? SeriesId(SqliteConnection connection, string deviceId, string point)
    {
        using var command = connection.CreateCommand();
        command.CommandTimeout = database.CommandTimeoutSeconds;
        command.CommandText = "SELECT id FROM series WHERE device_id = $d AND point = $p";
        command.Parameters.AddWithValue("$d", deviceId);
        command.Parameters.AddWithValue("$p", point);
        return command.ExecuteScalar() as long?;
    }
}
