using DataCenterOps.Domain.Persistence;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>
/// The monitoring history and alarm trail (monitoring.db) backed up beside the app database: the same online
/// <c>VACUUM INTO</c>, saved as <c>&lt;backup&gt;.monitoring</c> and verified (integrity_check; the alarm tables' row
/// counts within what the live file held before and after, since ingest goes on meanwhile).
/// </summary>
public static class MonitoringBackup
{
    public const string Suffix = ".monitoring";

    /// <summary>The tables whose rows are counted: the alarm trail (readings change every second and are not compared).</summary>
    public static readonly IReadOnlyList<string> CountedTables = ["alarms", "alarm_events"];

    public static string CompanionOf(string backupPath) => backupPath + Suffix;

    /// <summary>Where monitoring.db lives for this configuration, as the monitoring service resolves it.</summary>
    public static string LivePath(IConfiguration configuration, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(storage);
        var options = configuration.GetSection(MonitoringOptions.SectionName).Get<MonitoringOptions>() ?? new MonitoringOptions();
        options.DataDirectory ??= storage.DataDirectory;
        return new MonitoringDatabase(Options.Create(options)).FilePath;
    }

    /// <summary>Backs up <paramref name="live"/> to <paramref name="target"/>; null when there is no monitoring database yet.</summary>
    public static async Task<MonitoringBackupInfo?> CreateAsync(string live, string target, CancellationToken cancellationToken)
    {
        if (!File.Exists(live))
        {
            return null;
        }

        var before = await CountAsync(live, cancellationToken);
        await BackupService.VacuumIntoAsync(live, target, cancellationToken);
        var after = await CountAsync(live, cancellationToken);
        var integrity = await IntegrityAsync(target, cancellationToken);
        var counts = await CountAsync(target, cancellationToken);
        if (integrity != "ok")
        {
            throw new BackupVerificationException($"monitoring.db integrity_check: {integrity}");
        }

        foreach (var (table, count) in counts)
        {
            if (count < Math.Min(before[table], after[table]) || count > Math.Max(before[table], after[table]))
            {
                throw new BackupVerificationException($"Row count of monitoring.db {table} is {count} in the backup but {before[table]}..{after[table]} live.");
            }
        }

        return new MonitoringBackupInfo(Path.GetFileName(target), integrity, counts);
    }

    public static async Task<string> IntegrityAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(BackupInspector.ConnectionString(path, readOnly: true));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "";
    }

    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(BackupInspector.ConnectionString(path, readOnly: true));
        await connection.OpenAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in CountedTables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}';";
            var exists = (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
            if (exists)
            {
                command.CommandText = $"SELECT count(*) FROM \"{table}\";";
                counts[table] = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            }
            else
            {
                counts[table] = 0;
            }
        }

        return counts;
    }
}
