using System.Globalization;
using DataCenterOps.Domain.Evidence;
using Microsoft.Data.Sqlite;

namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>
/// Opens a database file and checks it: PRAGMA integrity_check, row counts of the key tables, the keyed evidence chains
/// (signatures only: a backup is older than the newest anchors by nature).
/// </summary>
public static class BackupInspector
{
    /// <summary>The tables whose row counts must match between the live database and its backup.</summary>
    public static readonly IReadOnlyList<string> KeyTables =
    [
        "AspNetUsers", "Equipment", "AssignmentLetters", "WorkPlans", "WorkPlanItems", "ChecklistExecutions", "ChecklistAnswers",
        "MaintenanceReports", "ReportReviews", "ArchivedReports", "AuditEntries", "EvidenceSeals", "MaintenanceSchedules", "DueChecks",
    ];

    public static string ConnectionString(string path, bool readOnly = false) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
        Pooling = false,
    }.ToString();

    /// <summary>Row counts of <see cref="KeyTables"/>; a missing table is a verification failure.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountRowsAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ConnectionString(path, readOnly: true));
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA busy_timeout=5000;", cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in KeyTables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            try
            {
                counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
            catch (SqliteException ex)
            {
                throw new BackupVerificationException($"{Path.GetFileName(path)}: table {table} cannot be read ({ex.Message}).");
            }
        }

        return counts;
    }

    /// <summary>Switches a fresh copy to a rollback journal, so it is one self-contained file (no -wal/-shm beside it).</summary>
    public static async Task MakeSelfContainedAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ConnectionString(path));
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=DELETE;", cancellationToken);
    }

    public static async Task<BackupInspection> InspectAsync(string path, EvidenceKey key, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new BackupVerificationException($"{path} does not exist.");
        }

        string integrity;
        try
        {
            await using var connection = new SqliteConnection(ConnectionString(path, readOnly: true));
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var lines = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    lines.Add(reader.GetString(0));
                }
            }

            integrity = string.Join("; ", lines);
        }
        catch (SqliteException ex)
        {
            throw new BackupVerificationException($"{Path.GetFileName(path)} is not a readable SQLite database ({ex.Message}).");
        }

        var counts = await CountRowsAsync(path, cancellationToken);
        var copy = await DatabaseCopyVerifier.VerifyAsync(ConnectionString(path, readOnly: true), key, cancellationToken);
        return new BackupInspection(integrity, counts, copy.ArchivedRecords, copy.ArchiveChainIntact, copy.Evidence);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
