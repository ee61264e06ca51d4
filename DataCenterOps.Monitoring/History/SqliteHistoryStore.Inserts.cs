using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DataCenterOps.Monitoring.History;

/// <summary>The batch's rows into <c>samples</c>: sorted by the table's key, many to a statement, and their minutes aggregated.</summary>
public sealed partial class SqliteHistoryStore
{
    /// <summary>
    /// The rows in (series, time) order, a reading of the same point and millisecond after the first dropped (as the
    /// store keeps the first): the first in the batch, by its index. Sorted along <paramref name="keys"/>, each row's
    /// (series, time) as one integer: the sort compares integers inline — an <see cref="IComparer{T}"/> or a lambda would
    /// be a delegate call per comparison, about 14 a row for a backlog of 20,000.
    /// </summary>
    private static ReadOnlySpan<Row> SortedUnique(Span<Row> rows, Span<Int128> keys)
    {
        keys.Sort(rows);
        var unique = 0;
        for (var i = 0; i < rows.Length;)
        {
            // A run of one point and millisecond (the sort is not stable): the lowest index is the first given.
            var run = keys[i];
            var first = rows[i];
            while (++i < rows.Length && keys[i] == run)
            {
                if (rows[i].Index < first.Index)
                {
                    first = rows[i];
                }
            }

            rows[unique++] = first;
        }

        return rows[..unique];
    }

    /// <summary>(series, time) as one signed 128-bit integer in the same order: the series above, the time below (its sign flipped, so that unsigned order is time order).</summary>
    private static Int128 Key(in Row row) => ((Int128)row.Series << 64) | (ulong)(row.Ts ^ long.MinValue);

    /// <summary>All rows, <see cref="RowsPerInsert"/> to a statement; -1 as soon as one statement stores fewer than it was given.</summary>
    private int InsertMany(SqliteConnection connection, ReadOnlySpan<Row> rows)
    {
        var db = connection.Handle!;
        var many = _insertMany!;
        var i = 0;
        for (; i + RowsPerInsert <= rows.Length; i += RowsPerInsert)
        {
            for (var r = 0; r < RowsPerInsert; r++)
            {
                Bind(connection, many, 3 * r, rows[i + r]);
            }

            Step(connection, many);
            if (raw.sqlite3_changes(db) != RowsPerInsert)
            {
                return -1;
            }
        }

        for (; i < rows.Length; i++)
        {
            if (!InsertOne(connection, rows[i]))
            {
                return -1;
            }
        }

        foreach (ref readonly var row in rows)
        {
            AddToMinute(row);
        }

        return rows.Length;
    }

    /// <summary>Each row on its own: one already stored is neither stored nor counted again.</summary>
    private int InsertRowByRow(SqliteConnection connection, ReadOnlySpan<Row> rows)
    {
        var stored = 0;
        foreach (ref readonly var row in rows)
        {
            if (InsertOne(connection, row))
            {
                stored++;
                AddToMinute(row);
            }
        }

        return stored;
    }

    /// <summary>One row through the single-row statement: whether it was stored (false: that point and time already were).</summary>
    private bool InsertOne(SqliteConnection connection, in Row row)
    {
        Bind(connection, _insert!, 0, row);
        Step(connection, _insert!);
        return raw.sqlite3_changes(connection.Handle!) == 1;
    }

    private static void Bind(SqliteConnection connection, sqlite3_stmt insert, int offset, in Row row)
    {
        Check(connection, raw.sqlite3_bind_int64(insert, offset + 1, row.Series));
        Check(connection, raw.sqlite3_bind_int64(insert, offset + 2, row.Ts));
        Check(connection, raw.sqlite3_bind_double(insert, offset + 3, row.Value));
    }

    /// <summary>Rows come in (series, time) order, so a minute's readings are neighbours: one aggregate entry per minute.</summary>
    private void AddToMinute(in Row row)
    {
        _batchEarliest = Math.Min(_batchEarliest, row.Ts);
        var bucket = Floor(row.Ts, MinuteMs);
        var minutes = CollectionsMarshal.AsSpan(_batchMinutes);
        if (minutes.Length > 0 && minutes[^1].Series == row.Series && minutes[^1].Bucket == bucket)
        {
            minutes[^1].Minute = minutes[^1].Minute.Add(row.Value);
        }
        else
        {
            _batchMinutes.Add((row.Series, bucket, Aggregate.Of(row.Value)));
        }
    }

    /// <summary>
    /// OR FAIL: a reading SQLite refuses (NaN binds as NULL) ends the statement without undoing its earlier rows, so SQLite
    /// keeps no statement journal for the multi-row insert; the batch's transaction is rolled back as a whole anyway.
    /// </summary>
    private static string InsertSqlFor(int rows) =>
        "INSERT OR FAIL INTO samples (series_id, ts, value) VALUES "
        + string.Join(", ", Enumerable.Range(0, rows).Select(r => string.Create(CultureInfo.InvariantCulture, $"(?{(3 * r) + 1}, ?{(3 * r) + 2}, ?{(3 * r) + 3})")))
        + " ON CONFLICT (series_id, ts) DO NOTHING";

    /// <summary>One reading as inserted: its series id, Unix milliseconds, value, and its place in the batch.</summary>
    private readonly record struct Row(long Series, long Ts, double Value, int Index);
}
