using System.Diagnostics;
using System.Globalization;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// The PostgreSQL the ingest benchmark writes to: <c>DCOPS_BENCH_POSTGRES</c> (a superuser connection string) when set,
/// else a throw-away PostgreSQL 15 cluster of its own (initdb and pg_ctl as the postgres user, a free loopback port,
/// default durability settings, so the figures are what a real server does), removed afterwards.
/// </summary>
internal sealed class BenchPostgres : IAsyncDisposable
{
    public const string EnvironmentVariable = "DCOPS_BENCH_POSTGRES";
    private const string Bin = "/usr/lib/postgresql/15/bin";

    private readonly string? _directory;

    private BenchPostgres(string connectionString, string? directory, string source)
    {
        ConnectionString = connectionString;
        _directory = directory;
        Source = source;
    }

    public string ConnectionString { get; }

    /// <summary>"DCOPS_BENCH_POSTGRES" or "own PostgreSQL 15 cluster", for the report.</summary>
    public string Source { get; }

    public static async Task<BenchPostgres> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return new BenchPostgres(given, null, EnvironmentVariable);
        }

        var directory = Path.Combine(Path.GetTempPath(), "dcops-bench-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", "postgres:postgres", directory);
        }

        var port = FreePort();
        var data = Path.Combine(directory, "data");
        await AsPostgresAsync("initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C");
        await AsPostgresAsync("pg_ctl", "-D", data, "-o", string.Create(CultureInfo.InvariantCulture, $"-p {port} -k {directory} -c listen_addresses=127.0.0.1"), "-l", Path.Combine(directory, "server.log"), "-w", "start");
        return new BenchPostgres(
            string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres"), directory, "own PostgreSQL 15 cluster (initdb defaults: fsync on)");
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is null)
        {
            return;
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        await AsPostgresAsync("pg_ctl", "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task AsPostgresAsync(string tool, params string[] arguments) =>
        Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Bin, tool), .. arguments])
            : RunAsync(Path.Combine(Bin, tool), arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited {process.ExitCode}: {await error}");
        }
    }
}
