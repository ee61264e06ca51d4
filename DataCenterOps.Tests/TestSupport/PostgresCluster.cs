using System.Diagnostics;
using System.Globalization;

namespace DataCenterOps.Tests.TestSupport;

/// <summary>
/// A PostgreSQL 15 cluster of the tests' own (never a system one): <c>initdb</c> in a temp folder owned by the
/// <c>postgres</c> user, <c>pg_ctl</c> on a free loopback port with its socket in that folder, trust authentication.
/// As root the commands run through <c>runuser -u postgres</c> (PostgreSQL refuses root). Dispose stops it
/// (<c>-m immediate</c>) and removes the folder. Durability is off: these databases are thrown away.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable, IDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private PostgresCluster(string directory, int port)
    {
        Directory = directory;
        Port = port;
    }

    public string Directory { get; }
    public int Port { get; }
    public bool IsRunning { get; private set; }

    public string DataDirectory => Path.Combine(Directory, "data");

    /// <summary>Superuser connection to the maintenance database <c>postgres</c>.</summary>
    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres;Timeout=5;Command Timeout=60";

    public static bool IsInstalled => File.Exists(Path.Combine(BinDirectory, "initdb"));

    /// <summary>Creates the cluster (initdb) on a free port; started unless <paramref name="start"/> is false.</summary>
    public static async Task<PostgresCluster> CreateAsync(bool start = true)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDirectory}/initdb): apt-get install -y postgresql (test.sh does).");
        }

        var directory = Path.Combine(Path.GetTempPath(), "dcops-pg-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var cluster = new PostgresCluster(directory, FreePorts.Tcp());
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", "postgres:postgres", directory);
            }

            await cluster.AsPostgresAsync("initdb", "-D", cluster.DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync");
            if (start)
            {
                await cluster.StartAsync();
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync()
    {
        var options = string.Join(' ',
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}", $"-k {Directory}", "-c listen_addresses=127.0.0.1",
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300");
        await AsPostgresAsync("pg_ctl", "-D", DataDirectory, "-o", options, "-l", Path.Combine(Directory, "server.log"), "-w", "-t", "60", "start");
        IsRunning = true;
    }

    public async Task StopAsync()
    {
        if (!IsRunning)
        {
            return;
        }

        await AsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        IsRunning = false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone; the folder is removed below all the same.
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: left in /tmp.
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private Task AsPostgresAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(BinDirectory, tool);
        return Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
        }
    }
}
