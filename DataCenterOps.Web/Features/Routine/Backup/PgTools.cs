using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>
/// Runs <c>pg_dump</c> and <c>pg_restore</c> as child processes. The connection goes in the child's environment
/// (<c>PGHOST</c>, <c>PGPORT</c>, <c>PGUSER</c>, <c>PGDATABASE</c>, <c>PGPASSWORD</c>): never on its command line (where
/// <c>ps</c> shows it) and never in a log line.
/// </summary>
public sealed class PgTools(string pgDump, string pgRestore)
{
    public const string DefaultBinRoot = "/usr/lib/postgresql";

    public string PgDump { get; } = pgDump;

    public string PgRestore { get; } = pgRestore;

    /// <summary><c>Backup:PgDumpPath</c> when set; else the client matching the server's major version, else the PATH's.</summary>
    public static async Task<PgTools> ResolveAsync(string? configuredPgDump, string connectionString, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(configuredPgDump))
        {
            var folder = Path.GetDirectoryName(configuredPgDump);
            return new PgTools(configuredPgDump, string.IsNullOrEmpty(folder) ? "pg_restore" : Path.Combine(folder, "pg_restore"));
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SHOW server_version_num", connection);
        var major = int.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!, CultureInfo.InvariantCulture) / 10_000;
        var bin = Path.Combine(DefaultBinRoot, major.ToString(CultureInfo.InvariantCulture), "bin");
        return File.Exists(Path.Combine(bin, "pg_dump"))
            ? new PgTools(Path.Combine(bin, "pg_dump"), Path.Combine(bin, "pg_restore"))
            : new PgTools("pg_dump", "pg_restore");
    }

    /// <summary><c>pg_dump --format=custom</c> of the connection's database into <paramref name="target"/>.</summary>
    public Task DumpAsync(string connectionString, string target, CancellationToken cancellationToken) =>
        RunAsync(PgDump, connectionString, ["--format=custom", "--no-password", "--file", target], cancellationToken);

    /// <summary><c>pg_restore</c> of <paramref name="dump"/> into the connection's (empty) database, stopping at the first error.</summary>
    public Task RestoreAsync(string connectionString, string dump, CancellationToken cancellationToken) =>
        RunAsync(PgRestore, connectionString,
            ["--no-owner", "--no-privileges", "--exit-on-error", "--no-password", "--dbname", new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres", dump],
            cancellationToken);

    private static async Task RunAsync(string file, string connectionString, string[] arguments, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = builder.Host ?? "localhost";
        start.Environment["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = builder.Username ?? Environment.UserName;
        start.Environment["PGDATABASE"] = builder.Database ?? builder.Username ?? "postgres";
        start.Environment["PGCONNECT_TIMEOUT"] = Math.Max(builder.Timeout, 2).ToString(CultureInfo.InvariantCulture);
        start.Environment.Remove("PGPASSWORD");
        start.Environment.Remove("PGSERVICE");
        if (!string.IsNullOrEmpty(builder.Password))
        {
            start.Environment["PGPASSWORD"] = builder.Password;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupVerificationException($"{Path.GetFileName(file)} did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BackupVerificationException($"{file} cannot be run ({ex.Message}); set Backup:PgDumpPath.");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var errorText = (await error).Trim();
            var outputText = (await output).Trim();
            if (process.ExitCode != 0)
            {
                var code = process.ExitCode.ToString(CultureInfo.InvariantCulture);
                throw new BackupVerificationException($"{Path.GetFileName(file)} exited {code}: {errorText} {outputText}".Trim());
            }
        }
    }
}
