using Microsoft.Data.Sqlite;

namespace DataCenterOps.Benchmarks.Soak;

/// <summary>What monitoring.db holds, read from outside the app on a read-only connection (WAL: committed rows only).</summary>
internal sealed class HistoryLedger(string dataDirectory)
{
    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "monitoring.db"),
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Readings committed so far and the newest one's time (Unix ms).</summary>
    public (long Count, long NewestMs) Committed() =>
        Query("SELECT COUNT(*), COALESCE(MAX(ts), 0) FROM samples", r => (r.GetInt64(0), r.GetInt64(1)));

    public long CountUpTo(long timeMs) =>
        Query("SELECT COUNT(*) FROM samples WHERE ts <= $t", r => r.GetInt64(0), ("$t", timeMs));

    /// <summary>The newest committed reading before <paramref name="timeMs"/>.</summary>
    public long NewestBefore(long timeMs) =>
        Query("SELECT COALESCE(MAX(ts), 0) FROM samples WHERE ts < $t", r => r.GetInt64(0), ("$t", timeMs));

    /// <summary>(series, time) pairs stored more than once: a reading written twice.</summary>
    public long Duplicates() =>
        Query("SELECT COUNT(*) FROM (SELECT series_id, ts FROM samples GROUP BY series_id, ts HAVING COUNT(*) > 1)", r => r.GetInt64(0));

    /// <summary>A few of the readings stored twice, as "device point time ×count values".</summary>
    public List<string> DuplicateExamples()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.device_id, r.point, s.ts, COUNT(*), GROUP_CONCAT(s.value) FROM samples s JOIN series r ON r.id = s.series_id
            GROUP BY s.series_id, s.ts HAVING COUNT(*) > 1 ORDER BY s.ts LIMIT 5
            """;
        using var reader = command.ExecuteReader();
        var examples = new List<string>();
        while (reader.Read())
        {
            examples.Add($"{reader.GetString(0)} {reader.GetString(1)} {DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)):HH:mm:ss.fff} ×{reader.GetInt64(3)} ({reader.GetString(4)})");
        }

        return examples;
    }

    /// <summary>Distinct poll times of a device in a window: how many polls of it were stored.</summary>
    public long PollsOf(string deviceId, long fromMs, long toMs) =>
        Query("""
            SELECT COUNT(DISTINCT s.ts) FROM samples s JOIN series r ON r.id = s.series_id
            WHERE r.device_id = $d AND s.ts BETWEEN $from AND $to
            """, r => r.GetInt64(0), ("$d", deviceId), ("$from", fromMs), ("$to", toMs));

    public static string IntegrityOf(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return command.ExecuteScalar() as string ?? "";
    }

    private T Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        reader.Read();
        return read(reader);
    }
}
