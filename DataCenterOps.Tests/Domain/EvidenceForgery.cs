using DataCenterOps.Domain.Archive;
using Microsoft.Data.Sqlite;

namespace DataCenterOps.Tests.Domain;

/// <summary>
/// What an attacker with write access to dcops.db (but not the key) does, with raw SQL: drop the guards, rewrite,
/// recompute the unkeyed SHA-256 hash chain exactly as the archive code computes it, and put the guards back.
/// </summary>
internal static class EvidenceForgery
{
    public static async Task RewriteArchiveAsync(string databasePath, long archiveId, string find, string replace)
    {
        await using var connection = Open(databasePath);
        var triggers = await DropTriggersAsync(connection, "ArchivedReports");
        var records = new List<ArchivedReport>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id, ReportId, WorkPlanId, LetterNumber, ArchivedById, ArchivedAtUtc, CanonicalJson, PreviousHash, Hash FROM ArchivedReports ORDER BY Id";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                records.Add(new ArchivedReport
                {
                    Id = reader.GetInt64(0),
                    ReportId = reader.GetGuid(1),
                    WorkPlanId = reader.GetGuid(2),
                    LetterNumber = reader.IsDBNull(3) ? null : reader.GetString(3),
                    ArchivedById = reader.GetString(4),
                    ArchivedAtUtc = DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc),
                    CanonicalJson = reader.GetString(6),
                    PreviousHash = reader.GetString(7),
                    Hash = reader.GetString(8),
                });
            }
        }

        var previous = ArchiveHasher.Genesis;
        foreach (var record in records)
        {
            if (record.Id == archiveId)
            {
                Assert.Contains(find, record.CanonicalJson, StringComparison.Ordinal);
                record.CanonicalJson = record.CanonicalJson.Replace(find, replace, StringComparison.Ordinal);
            }

            record.PreviousHash = previous;
            record.Hash = ArchiveHasher.Compute(record);
            previous = record.Hash;
            await ExecuteAsync(connection, "UPDATE ArchivedReports SET CanonicalJson = $json, PreviousHash = $previous, Hash = $hash WHERE Id = $id",
                ("$json", record.CanonicalJson), ("$previous", record.PreviousHash), ("$hash", record.Hash), ("$id", record.Id));
        }

        await RestoreTriggersAsync(connection, triggers);
    }

    /// <summary>Deletes the newest <paramref name="count"/> rows of a table (and, thoroughly, their seals).</summary>
    public static async Task DeleteNewestAsync(string databasePath, string table, string chain, int count)
    {
        await using var connection = Open(databasePath);
        var triggers = await DropTriggersAsync(connection, table);
        triggers.AddRange(await DropTriggersAsync(connection, "EvidenceSeals"));
        await ExecuteAsync(connection, $"DELETE FROM \"{table}\" WHERE Id IN (SELECT Id FROM \"{table}\" ORDER BY Id DESC LIMIT {count})");
        await ExecuteAsync(connection, $"DELETE FROM EvidenceSeals WHERE Chain = '{chain}' AND Sequence > (SELECT COALESCE(MAX(Id), 0) FROM \"{table}\")");
        await RestoreTriggersAsync(connection, triggers);
    }

    public static async Task ExecuteAsync(string databasePath, string sql)
    {
        await using var connection = Open(databasePath);
        await ExecuteAsync(connection, sql);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task<List<(string Name, string Sql)>> DropTriggersAsync(SqliteConnection connection, string table)
    {
        var triggers = new List<(string, string)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = $table";
            command.Parameters.AddWithValue("$table", table);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                triggers.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.NotEmpty(triggers);
        foreach (var (name, _) in triggers)
        {
            await ExecuteAsync(connection, $"DROP TRIGGER \"{name}\"");
        }

        return triggers;
    }

    private static async Task RestoreTriggersAsync(SqliteConnection connection, IEnumerable<(string Name, string Sql)> triggers)
    {
        foreach (var (_, sql) in triggers)
        {
            await ExecuteAsync(connection, sql);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
