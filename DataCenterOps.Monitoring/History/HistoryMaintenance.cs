using DataCenterOps.Monitoring.Devices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// The periodic job: 1-minute and 1-hour min/avg/max rollups of complete minutes, and retention (raw 7 days,
/// rollups 365 days by default). Rollups are incremental (from the last watermark, or the earliest late reading) and recomputed from their source, so running twice is harmless.
/// </summary>
public sealed partial class HistoryMaintenance(
    MonitoringDatabase database,
    HistoryWriter writer,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<HistoryMaintenance> logger) : BackgroundService
{
    private const long MinuteMs = 60_000;
    private const long HourMs = 3_600_000;

    // Late readings are marked by the writer (TakeDirtySince), so a run recomputes only from the previous watermark
    // (one minute back, for a reading committed just as the previous run read). The first run after a start goes
    // further back: marks of readings stored just before a crash were lost with the process.
    private const long RecomputeMarginMs = MinuteMs;
    private const long FirstRunMarginMs = 10 * MinuteMs;

    private DateTimeOffset _lastRetention = DateTimeOffset.MinValue;
    private bool _ranOnce;

    /// <summary>Rolls up every complete minute up to <paramref name="now"/> not yet rolled up (and any late readings).</summary>
    public async Task RollupAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var to = Floor(now.ToUnixTimeMilliseconds(), MinuteMs);
        var dirty = writer.TakeDirtySince()?.ToUnixTimeMilliseconds();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                var watermark = (long?)await ScalarAsync(connection, "SELECT watermark FROM rollup_state WHERE name = 'minute'", cancellationToken).ConfigureAwait(false)
                    ?? (long?)await ScalarAsync(connection, "SELECT min(ts) FROM samples", cancellationToken).ConfigureAwait(false)
                    ?? to;
                var margin = _ranOnce ? RecomputeMarginMs : FirstRunMarginMs;
                var from = Floor(Math.Min(watermark - margin, dirty ?? long.MaxValue), MinuteMs);
                if (from < to)
                {
                    using var transaction = connection.BeginTransaction(deferred: false);
                    await ExecuteAsync(connection, Rollup(from, to), cancellationToken, transaction).ConfigureAwait(false);
                    transaction.Commit();
                }

                _ranOnce = true;
            }
            catch (SqliteException) when (dirty is { } d)
            {
                // Not rolled up yet: keep the mark for the next run.
                writer.RestoreDirtySince(DateTimeOffset.FromUnixTimeMilliseconds(d));
                throw;
            }
        }
    }

    /// <summary>Deletes raw samples and rollups older than their retention.</summary>
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var history = options.Value.History;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(history.RollupIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var now = time.GetUtcNow();
            try
            {
                await RollupAsync(now, stoppingToken).ConfigureAwait(false);
                if (now - _lastRetention >= TimeSpan.FromMinutes(history.RetentionIntervalMinutes))
                {
                    await EnforceRetentionAsync(now, stoppingToken).ConfigureAwait(false);
                    _lastRetention = now;
                }
            }
            catch (SqliteException ex)
            {
                // Locked or busy: the next run picks up where this one stopped.
                LogMaintenanceFailed(logger, ex.SqliteErrorCode, ex.Message);
            }
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "History maintenance did not finish (SQLite error {Code}: {Reason}); it runs again next period")]
    private static partial void LogMaintenanceFailed(ILogger logger, int code, string reason);
}
