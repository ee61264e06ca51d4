using System.Globalization;
using System.Text.Json;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>
/// Online backup of the app database with <c>VACUUM INTO</c> (a consistent snapshot that includes what is still in
/// the WAL; never a file copy). Each copy is verified before it counts: integrity_check, the key tables' row counts
/// against the live database, and the keyed evidence chains. The manifest carries the chains' heads, which are also
/// appended to the anchor file. On PostgreSQL the copy is a <c>pg_dump</c> verified by a restore into a scratch database
/// (<see cref="PostgresBackup"/>). monitoring.db (history and the alarm trail) is backed up beside it
/// (<see cref="MonitoringBackup"/>). Then the oldest beyond Backup:Keep are deleted.
/// </summary>
public sealed partial class BackupService(
    IOptions<StorageOptions> storage, IOptions<BackupOptions> options, EvidenceServices evidence, IConfiguration configuration, TimeProvider time,
    ILogger<BackupService> logger)
{
    public const string FilePrefix = "dcops-";
    private const string StatusFile = "last-run.json";
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    public string BackupDirectory => ResolveDirectory(storage.Value, options.Value);

    public static string ResolveDirectory(StorageOptions storage, BackupOptions backup) =>
        string.IsNullOrWhiteSpace(backup.Directory)
            ? Path.Combine(Path.GetFullPath(storage.DataDirectory), "backups")
            : Path.GetFullPath(backup.Directory);

    public async Task<BackupInfo> CreateAsync(CancellationToken cancellationToken)
    {
        var directory = BackupDirectory;
        Directory.CreateDirectory(directory);
        var now = time.GetUtcNow().UtcDateTime;
        var postgres = storage.Value.IsPostgreSql;
        var name = UniqueName(directory, now, postgres ? PostgresBackup.Extension : ".db");
        var final = Path.Combine(directory, name);
        var partial = final + ".partial";
        try
        {
            var (inspection, before, after) = postgres
                ? await DumpPostgreSqlAsync(partial, cancellationToken)
                : await VacuumSqliteAsync(partial, cancellationToken);
            Verify(inspection, before, after);

            var monitoringInfo = await MonitoringBackup.CreateAsync(MonitoringBackup.LivePath(configuration, storage.Value), MonitoringBackup.CompanionOf(partial), cancellationToken);
            File.Move(partial, final);
            if (monitoringInfo is not null)
            {
                File.Move(MonitoringBackup.CompanionOf(partial), MonitoringBackup.CompanionOf(final));
                monitoringInfo = monitoringInfo with { FileName = Path.GetFileName(MonitoringBackup.CompanionOf(final)) };
            }

            var info = new BackupInfo(name, now, new FileInfo(final).Length, inspection.IntegrityCheck, inspection.RowCounts,
                inspection.ArchivedRecords, inspection.ChainIntact, inspection.Heads, monitoringInfo);
            await File.WriteAllTextAsync(final + ".json", JsonSerializer.Serialize(info, s_json), cancellationToken);
            await WriteStatusAsync(new BackupRunStatus(now, true, name, null), cancellationToken);
            evidence.Anchors.Append(inspection.Heads, now, "backup " + name);
            Prune();
            LogCreated(name, info.SizeBytes);
            return info;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            File.Delete(partial);
            File.Delete(MonitoringBackup.CompanionOf(partial));
            await WriteStatusAsync(new BackupRunStatus(now, false, null, ex.Message), CancellationToken.None);
            LogFailed(ex);
            throw;
        }
    }

    private async Task<(BackupInspection, IReadOnlyDictionary<string, long>, IReadOnlyDictionary<string, long>)> VacuumSqliteAsync(
        string partial, CancellationToken cancellationToken)
    {
        var live = storage.Value.DatabasePath;
        var before = await BackupInspector.CountRowsAsync(live, cancellationToken);
        await VacuumIntoAsync(live, partial, cancellationToken);
        var after = await BackupInspector.CountRowsAsync(live, cancellationToken);
        await BackupInspector.MakeSelfContainedAsync(partial, cancellationToken);
        return (await BackupInspector.InspectAsync(partial, evidence.Key, cancellationToken), before, after);
    }

    /// <summary>pg_dump (custom format), then pg_restore into a scratch database that is checked and dropped.</summary>
    private async Task<(BackupInspection, IReadOnlyDictionary<string, long>, IReadOnlyDictionary<string, long>)> DumpPostgreSqlAsync(
        string partial, CancellationToken cancellationToken)
    {
        var connectionString = storage.Value.PostgreSqlConnectionString
            ?? throw new BackupVerificationException("Storage:Provider is PostgreSql but ConnectionStrings:DataCenterOps is not set.");
        var tools = await PgTools.ResolveAsync(options.Value.PgDumpPath, connectionString, cancellationToken);
        var (before, after) = await PostgresBackup.DumpAsync(tools, connectionString, partial, cancellationToken);
        return (await PostgresBackup.InspectAsync(tools, connectionString, partial, evidence.Key, cancellationToken), before, after);
    }

    /// <summary>Verified backups, newest first.</summary>
    public async Task<IReadOnlyList<BackupInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var directory = BackupDirectory;
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var list = new List<BackupInfo>();
        foreach (var manifest in Directory.EnumerateFiles(directory, FilePrefix + "*.json")
                     .Where(m => m.EndsWith(".db.json", StringComparison.Ordinal) || m.EndsWith(PostgresBackup.Extension + ".json", StringComparison.Ordinal)))
        {
            if (File.Exists(manifest[..^".json".Length])
                && JsonSerializer.Deserialize<BackupInfo>(await File.ReadAllTextAsync(manifest, cancellationToken)) is { } info)
            {
                list.Add(info);
            }
        }

        return list.OrderByDescending(b => b.CreatedAtUtc).ThenByDescending(b => b.FileName, StringComparer.Ordinal).ToList();
    }

    public async Task<BackupRunStatus?> LastRunAsync(CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(BackupDirectory, StatusFile);
        return File.Exists(path)
            ? JsonSerializer.Deserialize<BackupRunStatus>(await File.ReadAllTextAsync(path, cancellationToken))
            : null;
    }

    /// <summary>Equal counts, or (if someone wrote meanwhile) within what the live database held before and after.</summary>
    internal static void Verify(BackupInspection inspection, IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after)
    {
        if (inspection.IntegrityCheck != "ok")
        {
            throw new BackupVerificationException($"integrity_check: {inspection.IntegrityCheck}");
        }

        if (!inspection.ChainIntact)
        {
            throw new BackupVerificationException("The archive hash chain does not verify in the backup.");
        }

        if (inspection.Evidence.FirstOrDefault(c => !c.IsIntact) is { } broken)
        {
            throw new BackupVerificationException($"The evidence chain does not verify in the backup: {broken.Line}");
        }

        foreach (var (table, count) in inspection.RowCounts)
        {
            var low = Math.Min(before[table], after[table]);
            var high = Math.Max(before[table], after[table]);
            if (count < low || count > high)
            {
                throw new BackupVerificationException(string.Create(CultureInfo.InvariantCulture,
                    $"Row count of {table} is {count} in the backup but {before[table]}..{after[table]} in the live database."));
            }
        }
    }

    internal static async Task VacuumIntoAsync(string live, string target, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(BackupInspector.ConnectionString(live));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=5000; VACUUM INTO $target;";
        command.Parameters.AddWithValue("$target", target);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string UniqueName(string directory, DateTime now, string extension)
    {
        var stem = FilePrefix + now.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        var name = stem + extension;
        for (var i = 2; File.Exists(Path.Combine(directory, name)); i++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{stem}-{i}{extension}");
        }

        return name;
    }

    private void Prune()
    {
        var keep = options.Value.Keep;
        var files = Directory.EnumerateFiles(BackupDirectory, FilePrefix + "*.db")
            .Concat(Directory.EnumerateFiles(BackupDirectory, FilePrefix + "*" + PostgresBackup.Extension))
            .Select(f => new FileInfo(f)).OrderByDescending(f => f.Name, StringComparer.Ordinal).ToList();
        foreach (var old in files.Skip(keep))
        {
            old.Delete();
            File.Delete(old.FullName + ".json");
            File.Delete(MonitoringBackup.CompanionOf(old.FullName));
            LogPruned(old.Name);
        }
    }

    private async Task WriteStatusAsync(BackupRunStatus status, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(BackupDirectory);
        await File.WriteAllTextAsync(Path.Combine(BackupDirectory, StatusFile), JsonSerializer.Serialize(status, s_json), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {Name} created and verified ({Bytes} bytes).")]
    private partial void LogCreated(string name, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup failed.")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Old backup {Name} deleted (Backup:Keep).")]
    private partial void LogPruned(string name);
}
