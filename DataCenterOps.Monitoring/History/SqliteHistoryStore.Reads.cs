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
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Microsoft.Data.Sqlite's async reads run synchronously anyway.
            cancellationToken.ThrowIfCancellationRequested();
            return SeriesId(connection, deviceId, point) is { } series
                ? ReadRows(connection, RowsSql(resolution), resolution, series, fromMs, toMs)
                : [];
        }
    }

    public async Task<IReadOnlyList<HistorySample>> ReadChartAsync(
        string deviceId, string point, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution, int maxSamples, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSamples, 2);
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (SeriesId(connection, deviceId, point) is not { } series)
            {
                return [];
            }

            return ReadChart(connection, resolution, series, fromMs, toMs, maxSamples);
        }
    }

    private static string RowsSql(HistoryResolution resolution) => resolution switch
    {
        HistoryResolution.Raw => "SELECT ts, value FROM samples WHERE series_id = ?1 AND ts >= ?2 AND ts < ?3 ORDER BY ts",
        HistoryResolution.Minute => "SELECT bucket, min, sum / count, max, count FROM rollup_minute WHERE series_id = ?1 AND bucket >= ?2 AND bucket < ?3 ORDER BY bucket",
        _ => "SELECT bucket, min, sum / count, max, count FROM rollup_hour WHERE series_id = ?1 AND bucket >= ?2 AND bucket < ?3 ORDER BY bucket",
    };

    /// <summary>
    /// One contiguous range of a table clustered on (series, time), read through SQLite's own statement API by column
    /// position (no data reader's per-row bookkeeping).
    /// </summary>
    private static List<HistorySample> ReadRows(
        SqliteConnection connection, string sql, HistoryResolution resolution, long series, long fromMs, long toMs)
    {
        var bucketMs = resolution switch { HistoryResolution.Raw => 10_000L, HistoryResolution.Minute => MinuteMs, _ => HourMs };

        // Room for the rows the range holds at the resolution (raw: at a 10-s interval), capped: no list regrown 15 times.
        var samples = new List<HistorySample>((int)Math.Clamp((toMs - fromMs) / bucketMs, 0, 100_000));
        using (var statement = PrepareRange(connection, sql, series, fromMs, toMs))
        {
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

    /// <summary>
    /// The chart's read in one pass along the key range: the first rows are kept as they are, while every row is also
    /// folded into its bucket (min, sum, max, count; buckets aligned on the epoch); at the end the rows if no more than
    /// <paramref name="maxSamples"/> came, else the buckets. The (series, time) order already groups the rows, where
    /// SQLite's own GROUP BY sorts every row into a temp B-tree first (slower than reading them all; docs/adr/0015).
    /// </summary>
    private static List<HistorySample> ReadChart(
        SqliteConnection connection, HistoryResolution resolution, long series, long fromMs, long toMs, int maxSamples)
    {
        var rollup = resolution != HistoryResolution.Raw;
        var widthMs = HistoryChartBuckets.WidthMs(fromMs, toMs, resolution, maxSamples);
        // Rollups are folded by their sums (the rows' read gives sum / count), so a bucket's mean weighs every reading.
        var sql = resolution switch
        {
            HistoryResolution.Raw => RowsSql(resolution),
            HistoryResolution.Minute => "SELECT bucket, min, sum, max, count FROM rollup_minute WHERE series_id = ?1 AND bucket >= ?2 AND bucket < ?3 ORDER BY bucket",
            _ => "SELECT bucket, min, sum, max, count FROM rollup_hour WHERE series_id = ?1 AND bucket >= ?2 AND bucket < ?3 ORDER BY bucket",
        };
        var rows = new List<HistorySample>(Math.Min(maxSamples + 1, 4_096));
        var buckets = new List<HistorySample>(maxSamples);
        using (var statement = PrepareRange(connection, sql, series, fromMs, toMs))
        {
            var bucket = new Bucket(long.MinValue, 0, 0, 0, 0);
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var ts = raw.sqlite3_column_int64(statement, 0);
                var row = rollup
                    ? new Bucket(ts, raw.sqlite3_column_double(statement, 1), raw.sqlite3_column_double(statement, 2), raw.sqlite3_column_double(statement, 3), raw.sqlite3_column_int64(statement, 4))
                    : Bucket.Of(ts, raw.sqlite3_column_double(statement, 1));
                if (rows.Count <= maxSamples)
                {
                    rows.Add(row.ToSample(1));
                }

                var index = ts / widthMs;
                if (index == bucket.Index)
                {
                    bucket = bucket.With(row);
                }
                else
                {
                    bucket.AddTo(buckets, widthMs);
                    bucket = row with { Index = index };
                }
            }

            if (step != raw.SQLITE_DONE)
            {
                Check(connection, step);
            }

            bucket.AddTo(buckets, widthMs);
        }

        return rows.Count <= maxSamples ? rows : buckets;
    }

    /// <summary>A read of one series' key range: the statement prepared, the series and [from, to) bound as ?1..?3.</summary>
    private static sqlite3_stmt PrepareRange(SqliteConnection connection, string sql, long series, long fromMs, long toMs)
    {
        Check(connection, raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        try
        {
            Check(connection, raw.sqlite3_bind_int64(statement, 1, series));
            Check(connection, raw.sqlite3_bind_int64(statement, 2, fromMs));
            Check(connection, raw.sqlite3_bind_int64(statement, 3, toMs));
            return statement;
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }

    /// <summary>The statistics of one chart bucket so far; a row read is one too, its Index its time.</summary>
    private readonly record struct Bucket(long Index, double Min, double Sum, double Max, long Count)
    {
        public static Bucket Of(long index, double value) => new(index, value, value, value, 1);

        public Bucket With(Bucket row) => new(Index, Math.Min(Min, row.Min), Sum + row.Sum, Math.Max(Max, row.Max), Count + row.Count);

        /// <summary>As a sample stamped Index × <paramref name="widthMs"/> (a row: its own time, width 1).</summary>
        public HistorySample ToSample(long widthMs) =>
            new(DateTimeOffset.FromUnixTimeMilliseconds(Index * widthMs), Min, Sum / Count, Max, Count);

        public void AddTo(List<HistorySample> samples, long widthMs)
        {
            if (Count > 0)
            {
                samples.Add(ToSample(widthMs));
            }
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
