using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DataCenterOps.Monitoring.History;

/// <summary>The store's rollups: the aggregates held since the last run written into the minute and hour tables, and
/// what a crash or a failed write left uncertain recomputed from the samples.</summary>
public sealed partial class SqliteHistoryStore
{
    // The rollup UPSERTs add a batch's aggregates to what is there: min and max of both, sums and counts added.
    private const string UpsertMinuteSql = """
        INSERT INTO rollup_minute (series_id, bucket, min, max, sum, count) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (series_id, bucket) DO UPDATE SET min = min(rollup_minute.min, excluded.min), max = max(rollup_minute.max, excluded.max),
            sum = rollup_minute.sum + excluded.sum, count = rollup_minute.count + excluded.count
        """;

    private const string UpsertHourSql = """
        INSERT INTO rollup_hour (series_id, bucket, min, max, sum, count) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (series_id, bucket) DO UPDATE SET min = min(rollup_hour.min, excluded.min), max = max(rollup_hour.max, excluded.max),
            sum = rollup_hour.sum + excluded.sum, count = rollup_hour.count + excluded.count
        """;

    /// <summary>
    /// Writes the aggregates held since the last run into the rollups (adding to them), and recomputes from the samples
    /// what a previous process or a failed write left uncertain. <paramref name="now"/> and the writer's late mark are not
    /// needed here: late readings were aggregated into their own minute like any other.
    /// </summary>
    public Task RollupAsync(DateTimeOffset now, DateTimeOffset? dirtySince, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeGate)
        {
            FlushHeld();
        }

        return Task.CompletedTask;
    }

    private void FlushHeld()
    {
        if (_heldMinutes.Count == 0 && _recomputeFromMs == long.MaxValue && _recovered)
        {
            return;
        }

        try
        {
            var connection = EnsureWriteConnection();
            using var transaction = connection.BeginTransaction(deferred: false);
            _hours.Clear();
            foreach (var ((series, bucket), minute) in _heldMinutes)
            {
                Upsert(connection, _upsertMinute!, series, bucket, minute);
                ref var hour = ref CollectionsMarshal.GetValueRefOrAddDefault(_hours, (series, Floor(bucket, HourMs)), out var seen);
                hour = seen ? hour.Add(minute) : minute;
            }

            foreach (var ((series, bucket), hour) in _hours)
            {
                Upsert(connection, _upsertHour!, series, bucket, hour);
            }

            if (_recomputeFromMs != long.MaxValue)
            {
                using var recompute = connection.CreateCommand();
                recompute.Transaction = transaction;
                recompute.CommandTimeout = 0;
#pragma warning disable CA2100 // Only numbers computed here are interpolated, never input.
                recompute.CommandText = Recompute(Floor(_recomputeFromMs, MinuteMs));
#pragma warning restore CA2100
                recompute.ExecuteNonQuery();
            }

            using (var clear = connection.CreateCommand())
            {
                clear.Transaction = transaction;
                clear.CommandText = "DELETE FROM rollup_state WHERE name = 'pending'";
                clear.ExecuteNonQuery();
            }

            transaction.Commit();
            _heldMinutes.Clear();
            _recomputeFromMs = long.MaxValue;
        }
        catch (SqliteException)
        {
            // The outcome is unknown (a commit can be reported as failed): the held minutes are recomputed next time.
            foreach (var (series, bucket) in _heldMinutes.Keys)
            {
                _recomputeFromMs = Math.Min(_recomputeFromMs, bucket);
            }

            _heldMinutes.Clear();
            CloseWriteConnection();
            throw;
        }
    }

    /// <summary>Minutes from <paramref name="from"/> on, and their hours, recomputed from their samples (replacing what is there).</summary>
    private static string Recompute(long from) => string.Create(CultureInfo.InvariantCulture, $"""
        INSERT INTO rollup_minute (series_id, bucket, min, max, sum, count)
        SELECT series_id, ts - ts % {MinuteMs}, min(value), max(value), sum(value), count(*)
        FROM samples WHERE series_id IN (SELECT id FROM series) AND ts >= {from}
        GROUP BY series_id, ts - ts % {MinuteMs}
        ON CONFLICT (series_id, bucket) DO UPDATE SET min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count;
        INSERT INTO rollup_hour (series_id, bucket, min, max, sum, count)
        SELECT series_id, bucket - bucket % {HourMs}, min(min), max(max), sum(sum), sum(count)
        FROM rollup_minute WHERE series_id IN (SELECT id FROM series) AND bucket >= {Floor(from, HourMs)}
        GROUP BY series_id, bucket - bucket % {HourMs}
        ON CONFLICT (series_id, bucket) DO UPDATE SET min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count;
        """);

    private static void Upsert(SqliteConnection connection, sqlite3_stmt upsert, long series, long bucket, Aggregate aggregate)
    {
        Check(connection, raw.sqlite3_bind_int64(upsert, 1, series));
        Check(connection, raw.sqlite3_bind_int64(upsert, 2, bucket));
        Check(connection, raw.sqlite3_bind_double(upsert, 3, aggregate.Min));
        Check(connection, raw.sqlite3_bind_double(upsert, 4, aggregate.Max));
        Check(connection, raw.sqlite3_bind_double(upsert, 5, aggregate.Sum));
        Check(connection, raw.sqlite3_bind_int64(upsert, 6, aggregate.Count));
        Step(connection, upsert);
    }

    private static long Floor(long ms, long bucket) => ms - (((ms % bucket) + bucket) % bucket);

    /// <summary>Min, max, sum and count of a batch's readings in one bucket.</summary>
    private readonly record struct Aggregate(double Min, double Max, double Sum, long Count)
    {
        public static Aggregate Of(double value) => new(value, value, value, 1);

        public Aggregate Add(double value) => new(Math.Min(Min, value), Math.Max(Max, value), Sum + value, Count + 1);

        public Aggregate Add(Aggregate other) => new(Math.Min(Min, other.Min), Math.Max(Max, other.Max), Sum + other.Sum, Count + other.Count);
    }
}
