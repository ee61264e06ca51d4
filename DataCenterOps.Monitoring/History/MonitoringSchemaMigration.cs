using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// Brings a monitoring.db of an earlier layout to the current one, tracked by <c>PRAGMA user_version</c>; each step
/// runs in one transaction (a crash half-way leaves the old layout whole, and the next start runs it again).
/// Version 1: raw samples move from a rowid table with indexes beside it into the table clustered on (series_id, ts);
/// rollups, which the writer now keeps per batch, are computed once from the samples the periodic job had not yet
/// rolled up (from its watermark on), so no minute is left without its rollup and none is counted twice. A full week
/// of 100 points (6 M rows) took 4 s on 2 shared cores (benchmarks/results/history-queries.md), during which history
/// waits: the log says so, with progress, as a larger site's file takes longer.
/// </summary>
internal static partial class MonitoringSchemaMigration
{
    public const int CurrentVersion = 1;

    private const long MinuteMs = 60_000;
    private const long HourMs = 3_600_000;

    // The old job recomputed up to ten minutes before its watermark after a start: the same margin here.
    private const long WatermarkMarginMs = 10 * MinuteMs;

    // The copy runs in this many slices of the series ids, each logged.
    private const int ProgressSteps = 10;

    /// <summary>Runs after <see cref="MonitoringSchema.Sql"/> (which creates a new file in the current layout).</summary>
    public static void Apply(SqliteConnection connection, ILogger logger)
    {
        if (Scalar(connection, "PRAGMA user_version") is long version && version >= CurrentVersion)
        {
            return;
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        var layout = Scalar(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'samples'", transaction) as string;
        if (layout is not null && !layout.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase))
        {
            ClusterSamples(connection, transaction, logger);
        }

        Execute(connection, transaction, $"PRAGMA user_version = {CurrentVersion}");
        transaction.Commit();
    }

    private static void ClusterSamples(SqliteConnection connection, SqliteTransaction transaction, ILogger logger)
    {
        var clock = Stopwatch.StartNew();

        // max(rowid): the rows ever inserted, an upper bound known at once (count(*) would read the whole index).
        var rows = Scalar(connection, "SELECT max(rowid) FROM samples", transaction) as long? ?? 0;
        LogStarted(logger, CurrentVersion, rows);

        // Rollups first, while the old table still has its time index.
        var watermark = Scalar(connection, "SELECT watermark FROM rollup_state WHERE name = 'minute'", transaction) as long?
            ?? Scalar(connection, "SELECT min(ts) FROM samples", transaction) as long?;
        if (watermark is { } mark)
        {
            var from = Floor(mark - WatermarkMarginMs, MinuteMs);
            var hourFrom = Floor(from, HourMs);
            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"""
                INSERT INTO rollup_minute (series_id, bucket, min, max, sum, count)
                SELECT series_id, ts - ts % {MinuteMs}, min(value), max(value), sum(value), count(*)
                FROM samples WHERE ts >= {from}
                GROUP BY series_id, ts - ts % {MinuteMs}
                ON CONFLICT (series_id, bucket) DO UPDATE SET min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count;
                INSERT INTO rollup_hour (series_id, bucket, min, max, sum, count)
                SELECT series_id, bucket - bucket % {HourMs}, min(min), max(max), sum(sum), sum(count)
                FROM rollup_minute WHERE bucket >= {hourFrom}
                GROUP BY series_id, bucket - bucket % {HourMs}
                ON CONFLICT (series_id, bucket) DO UPDATE SET min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count;
                """));
        }

        // In key order (the old covering index gives it), so the new table is written front to back; in slices of the
        // series ids, each one logged, as the whole copy of a full file takes a while.
        Execute(connection, transaction, """
            CREATE TABLE samples_clustered (
                series_id INTEGER NOT NULL,
                ts INTEGER NOT NULL,
                value REAL NOT NULL,
                PRIMARY KEY (series_id, ts)) WITHOUT ROWID;
            """);
        if (Scalar(connection, "SELECT min(series_id) FROM samples", transaction) is long first
            && Scalar(connection, "SELECT max(series_id) FROM samples", transaction) is long last)
        {
            var slice = Math.Max(1, ((last - first) / ProgressSteps) + 1);
            for (var from = first; from <= last; from += slice)
            {
                Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"""
                    INSERT OR IGNORE INTO samples_clustered (series_id, ts, value) SELECT series_id, ts, value FROM samples
                    WHERE series_id >= {from} AND series_id < {from + slice} ORDER BY series_id, ts;
                    """));
                LogProgress(logger, Math.Min(100, (int)((from + slice - first) * 100 / (last - first + 1))), clock.Elapsed.TotalSeconds);
            }
        }

        Execute(connection, transaction, """
            DROP TABLE samples;
            ALTER TABLE samples_clustered RENAME TO samples;
            DELETE FROM rollup_state WHERE name = 'minute';
            """);
        LogFinished(logger, CurrentVersion, clock.Elapsed.TotalSeconds);
    }

    private static long Floor(long ms, long bucket) => ms - (((ms % bucket) + bucket) % bucket);

    private static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
#pragma warning disable CA2100 // Only numbers computed here are interpolated, never input.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "monitoring.db is in an earlier layout: moving its raw samples (up to {Rows} rows) into layout {Version}; history reads and writes wait until it is done")]
    private static partial void LogStarted(ILogger logger, int version, long rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "monitoring.db layout change: {Percent} % of the series copied after {Seconds:0.0} s")]
    private static partial void LogProgress(ILogger logger, int percent, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "monitoring.db is in layout {Version} now, after {Seconds:0.0} s")]
    private static partial void LogFinished(ILogger logger, int version, double seconds);
}
