using System.Globalization;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Persistence;
using Microsoft.Data.Sqlite;

namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>
/// <c>dotnet run --project DataCenterOps.Web -- restore &lt;backup-file&gt;</c>: verifies the backup, refuses while the
/// app runs (instance lock), moves the current database (with its -wal/-shm) aside into
/// <c>&lt;DataDirectory&gt;/pre-restore-&lt;time&gt;/</c>, puts the backup in place and checks the row counts again;
/// the backup's monitoring.db copy (<c>&lt;backup&gt;.monitoring</c>), when there is one, is verified and put back too.
/// On PostgreSQL (Storage:Provider PostgreSql) the backup is a <c>pg_dump</c> and <see cref="PostgresRestore"/> restores it.
/// Exit codes: 0 restored, 2 verification failed, 3 app running, 64 usage.
/// </summary>
public static class BackupRestoreCommand
{
    public const int Restored = 0;
    public const int VerificationFailed = 2;
    public const int AppRunning = 3;
    public const int Usage = 64;

    public static bool IsRestore(IReadOnlyList<string> args) => args.Count > 0 && args[0] == "restore";

    /// <summary>Reads the configuration as the app does (appsettings.json, environment, command line) and restores.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Skip(2).ToArray())
            .Build();
        return RunAsync(args, configuration, Console.Out, TimeProvider.System);
    }

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (args.Length < 2 || !IsRestore(args))
        {
            await output.WriteLineAsync("Usage: DataCenterOps.Web restore <backup-file>   (stop the app first)");
            return Usage;
        }

        var backup = Path.GetFullPath(args[1]);
        var storage = StorageOptions.From(configuration);
        using var held = InstanceLock.TryAcquire(storage);
        if (held is null)
        {
            await output.WriteLineAsync($"Refused: the app is running on {Path.GetFullPath(storage.DataDirectory)} (lock {InstanceLock.FileName} is held). Stop it and run restore again.");
            return AppRunning;
        }

        if (storage.IsPostgreSql)
        {
            return await PostgresRestore.RunAsync(backup, storage, configuration, output, time, cancellationToken);
        }

        var live = storage.DatabasePath;
        var staging = live + ".restoring";
        try
        {
            File.Copy(backup, staging, overwrite: true);
            await BackupInspector.MakeSelfContainedAsync(staging, cancellationToken);
            var key = EvidenceKeyStore.Load(
                configuration.GetSection(EvidenceOptions.SectionName).Get<EvidenceOptions>() ?? new EvidenceOptions(), storage, createIfMissing: false);
            var inspection = await BackupInspector.InspectAsync(staging, key, cancellationToken);
            if (!inspection.IsSound)
            {
                File.Delete(staging);
                await output.WriteLineAsync($"Refused: {Path.GetFileName(backup)} does not verify (integrity_check: {inspection.IntegrityCheck}; archive chain intact: {inspection.ChainIntact}; {string.Join("; ", inspection.Evidence.Select(c => c.Line))}). Nothing was changed.");
                return VerificationFailed;
            }

            // monitoring.db's copy, when the backup has one, must verify too before anything is moved.
            var companion = MonitoringBackup.CompanionOf(backup);
            if (File.Exists(companion) && await MonitoringBackup.IntegrityAsync(companion, cancellationToken) is var monitoringIntegrity and not "ok")
            {
                File.Delete(staging);
                await output.WriteLineAsync($"Refused: {Path.GetFileName(companion)} does not verify (integrity_check: {monitoringIntegrity}). Nothing was changed.");
                return VerificationFailed;
            }

            SqliteConnection.ClearAllPools();
            var aside = MoveAside(live, time);
            try
            {
                File.Move(staging, live);
            }
            catch (IOException) when (aside is not null)
            {
                MoveBack(aside, live);
                throw;
            }
            var restored = await BackupInspector.CountRowsAsync(live, cancellationToken);
            var mismatch = restored.Where(kv => inspection.RowCounts[kv.Key] != kv.Value).Select(kv => kv.Key).ToList();
            if (mismatch.Count > 0)
            {
                await output.WriteLineAsync($"Warning: row counts differ after the restore in {string.Join(", ", mismatch)}.");
                return VerificationFailed;
            }

            await output.WriteLineAsync($"Restored {Path.GetFileName(backup)} into {live}.");
            await output.WriteLineAsync(aside is null ? "There was no current database." : $"The previous database is kept in {aside}.");
            if (File.Exists(companion))
            {
                var monitoringLive = MonitoringBackup.LivePath(configuration, storage);
                // Beside the app database's old files when there were any: one folder holds the whole previous state.
                var monitoringAside = MoveAside(monitoringLive, time, aside);
                Directory.CreateDirectory(Path.GetDirectoryName(monitoringLive)!);
                File.Copy(companion, monitoringLive);
                await output.WriteLineAsync($"Restored {Path.GetFileName(companion)} into {monitoringLive}"
                    + (monitoringAside is null ? "." : $"; the previous one is kept in {monitoringAside}."));
            }

            foreach (var (table, count) in restored)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table,-22} {count,10}"));
            }

            await output.WriteLineAsync($"Archive: {inspection.ArchivedRecords} record(s), hash chain intact. Start the app to apply any newer migrations.");
            foreach (var chain in inspection.Evidence)
            {
                await output.WriteLineAsync("  " + chain.Line);
            }
            return Restored;
        }
        catch (Exception ex) when (ex is BackupVerificationException or EvidenceKeyException or IOException or SqliteException)
        {
            File.Delete(staging);
            await output.WriteLineAsync($"Refused: {ex.Message} Nothing was changed.");
            return VerificationFailed;
        }
    }

    /// <summary>Moves the database and its WAL/SHM together (a consistent set) into a new folder; null when there is none.</summary>
    private static string? MoveAside(string live, TimeProvider time, string? into = null)
    {
        if (!File.Exists(live))
        {
            return null;
        }

        if (into is not null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(live + suffix))
                {
                    File.Move(live + suffix, Path.Combine(into, Path.GetFileName(live) + suffix));
                }
            }

            return into;
        }

        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var aside = Path.Combine(Path.GetDirectoryName(live)!, $"pre-restore-{stamp}");
        for (var i = 2; Directory.Exists(aside); i++)
        {
            aside = Path.Combine(Path.GetDirectoryName(live)!, string.Create(CultureInfo.InvariantCulture, $"pre-restore-{stamp}-{i}"));
        }

        Directory.CreateDirectory(aside);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(live + suffix))
            {
                File.Move(live + suffix, Path.Combine(aside, Path.GetFileName(live) + suffix));
            }
        }

        return aside;
    }

    private static void MoveBack(string aside, string live)
    {
        foreach (var file in Directory.EnumerateFiles(aside))
        {
            File.Move(file, Path.Combine(Path.GetDirectoryName(live)!, Path.GetFileName(file)), overwrite: true);
        }
    }
}
