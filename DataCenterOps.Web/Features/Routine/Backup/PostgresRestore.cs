using System.Globalization;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Persistence;
using Npgsql;

namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>
/// <c>restore &lt;backup.pgdump&gt;</c> on PostgreSQL: the dump is restored into a new database beside the live one and
/// verified there (key tables' row counts against its manifest, the keyed evidence chains); only then, with no session
/// left on the live database (every node stopped), the live database is renamed aside to
/// <c>&lt;name&gt;_pre_restore_&lt;time&gt;</c> and the restored one takes its name. Nothing is overwritten; the previous
/// database stays on the server until an administrator drops it.
/// </summary>
public static class PostgresRestore
{
    public static async Task<int> RunAsync(
        string backup, StorageOptions storage, IConfiguration configuration, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        var connectionString = storage.PostgreSqlConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await output.WriteLineAsync("Refused: Storage:Provider is PostgreSql but ConnectionStrings:DataCenterOps is not set. Nothing was changed.");
            return BackupRestoreCommand.VerificationFailed;
        }

        var live = new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres";
        var target = PostgreSqlTarget.Describe(connectionString);
        string? restored = null;
        try
        {
            var key = EvidenceKeyStore.Load(
                configuration.GetSection(EvidenceOptions.SectionName).Get<EvidenceOptions>() ?? new EvidenceOptions(), storage, createIfMissing: false);
            var backupOptions = configuration.GetSection(BackupOptions.SectionName).Get<BackupOptions>() ?? new BackupOptions();
            var tools = await PgTools.ResolveAsync(backupOptions.PgDumpPath, PostgresBackup.WithDatabase(connectionString, "postgres"), cancellationToken);
            restored = await PostgresBackup.RestoreIntoNewDatabaseAsync(tools, connectionString, backup, "restore", cancellationToken);
            var inspection = await PostgresBackup.InspectDatabaseAsync(PostgresBackup.WithDatabase(connectionString, restored), key, cancellationToken);
            if (!inspection.IsSound)
            {
                await output.WriteLineAsync($"Refused: {Path.GetFileName(backup)} does not verify (archive chain intact: {inspection.ChainIntact}; {string.Join("; ", inspection.Evidence.Select(c => c.Line))}). Nothing was changed.");
                return BackupRestoreCommand.VerificationFailed;
            }

            if (await ManifestCountsAsync(backup, cancellationToken) is { } manifest
                && manifest.FirstOrDefault(kv => inspection.RowCounts.TryGetValue(kv.Key, out var count) && count != kv.Value) is { Key: not null } differs)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Refused: {differs.Key} has {inspection.RowCounts[differs.Key]} rows restored but {differs.Value} in the backup's manifest. Nothing was changed."));
                return BackupRestoreCommand.VerificationFailed;
            }

            if (await PostgresBackup.OtherSessionsAsync(connectionString, live, cancellationToken) is var sessions and > 0)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Refused: {sessions} session(s) are connected to {target} (a node is still running). Stop every node and run restore again. Nothing was changed."));
                return BackupRestoreCommand.AppRunning;
            }

            string? aside = null;
            if (await PostgresBackup.ExistsAsync(connectionString, live, cancellationToken))
            {
                var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture);
                aside = PostgresBackup.Name(live, "_pre_restore_" + stamp);
                NpgsqlConnection.ClearAllPools();
                await PostgresBackup.RenameDatabaseAsync(connectionString, live, aside, cancellationToken);
            }

            await PostgresBackup.RenameDatabaseAsync(connectionString, restored, live, cancellationToken);
            restored = null;
            await output.WriteLineAsync($"Restored {Path.GetFileName(backup)} into {target}.");
            await output.WriteLineAsync(aside is null ? "There was no current database." : $"The previous database is kept on the server as {aside}.");
            foreach (var (table, count) in inspection.RowCounts)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table,-22} {count,10}"));
            }

            await output.WriteLineAsync($"Archive: {inspection.ArchivedRecords} record(s), hash chain intact. Start the app to apply any newer migrations.");
            foreach (var chain in inspection.Evidence)
            {
                await output.WriteLineAsync("  " + chain.Line);
            }

            return BackupRestoreCommand.Restored;
        }
        catch (Exception ex) when (ex is BackupVerificationException or EvidenceKeyException or IOException or NpgsqlException)
        {
            await output.WriteLineAsync($"Refused: {ex.Message} Nothing was changed.");
            return BackupRestoreCommand.VerificationFailed;
        }
        finally
        {
            if (restored is not null)
            {
                await PostgresBackup.DropDatabaseAsync(connectionString, restored, CancellationToken.None);
            }
        }
    }

    /// <summary>The row counts the backup's manifest (<c>&lt;backup&gt;.json</c>) recorded, when it is beside the file.</summary>
    private static async Task<IReadOnlyDictionary<string, long>?> ManifestCountsAsync(string backup, CancellationToken cancellationToken)
    {
        var manifest = backup + ".json";
        return File.Exists(manifest)
            && System.Text.Json.JsonSerializer.Deserialize<BackupInfo>(await File.ReadAllTextAsync(manifest, cancellationToken)) is { } info
            ? info.RowCounts
            : null;
    }
}
