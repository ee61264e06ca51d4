using System.Diagnostics;
using System.Globalization;
using DataCenterOps.Benchmarks.EndToEnd;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;

namespace DataCenterOps.Benchmarks.Hangfire;

/// <summary>
/// <c>e2e hangfire</c>: what the Hangfire dashboard's first page asks its storage (statistics for the menu and the
/// 2-s stats poll, the hourly and daily charts, a page of succeeded jobs) on Hangfire.Storage.SQLite, as our app
/// configures it, on a fresh file and after it has stored many succeeded jobs (created through Hangfire's own client
/// in the Succeeded state, so counters and expiry are set as a real run sets them). Median of 5 per size.
/// </summary>
public sealed class HangfireDashboardBenchmark : IEndToEndBenchmark
{
    private static readonly int[] Sizes = [0, 1_000, 5_000, 20_000];
    private static readonly TimeSpan SeedBudget = TimeSpan.FromMinutes(6);

    public string Name => "hangfire";

    public TimeSpan Timeout => TimeSpan.FromMinutes(15);

    public Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("dcops-bench-hangfire-").FullName;
        try
        {
            return Task.FromResult(Run(Path.Combine(directory, "hangfire.db"), cancellationToken));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public static void Noop()
    {
    }

    private static IReadOnlyList<Figure> Run(string path, CancellationToken cancellationToken)
    {
        var figures = new List<Figure> { new("load average (1 min) at start", DataCenterOps.Benchmarks.Dashboard.Browsers.LoadAverage(), "") };

        // As RoutineRegistration configures it (QueuePollInterval 1 s); everything else at the package's defaults.
        var storage = new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
        var client = new BackgroundJobClient(storage);
        var job = Job.FromExpression(() => Noop());
        var created = 0;
        var seeding = Stopwatch.StartNew();
        foreach (var size in Sizes)
        {
            while (created < size && seeding.Elapsed < SeedBudget)
            {
                cancellationToken.ThrowIfCancellationRequested();
                client.Create(job, new SucceededState(null, 1, 1));
                created++;
            }

            var api = storage.GetMonitoringApi();
            figures.Add(new($"{created:N0} succeeded jobs: dashboard home (statistics, hourly + daily charts), median", Median(() =>
            {
                api.GetStatistics();
                api.HourlySucceededJobs();
                api.HourlyFailedJobs();
                api.SucceededByDatesCount();
                api.FailedByDatesCount();
            }), "ms"));
            figures.Add(new($"{created:N0} succeeded jobs: statistics alone (the menu, and the page's poll every 2 s), median", Median(() => api.GetStatistics()), "ms"));
            figures.Add(new($"{created:N0} succeeded jobs: first page of succeeded jobs, median", Median(() => api.SucceededJobs(0, 20)), "ms"));
            if (created < size)
            {
                break;
            }
        }

        figures.Add(new("succeeded jobs created through the client (seed rate)", created / seeding.Elapsed.TotalSeconds, "jobs/s"));
        figures.AddRange(RowsPerTable(path, "before expiry"));

        // A database that has run a while: the same jobs expired (timeout shortened for the run) and the package's
        // expiration manager has been through. What it leaves behind is what every later dashboard request scans.
        storage.JobExpirationTimeout = TimeSpan.FromSeconds(1);
        var expiring = Math.Min(created, 2_000);
        for (var i = 0; i < expiring; i++)
        {
            client.Create(job, new SucceededState(null, 1, 1));
        }

        Thread.Sleep(TimeSpan.FromSeconds(2));
        using (var stopped = new CancellationTokenSource())
        {
            stopped.Cancel();
            new ExpirationManager(storage, TimeSpan.Zero).Execute(stopped.Token);
        }

        var after = storage.GetMonitoringApi();
        figures.Add(new($"after {expiring:N0} more jobs expired and the expiration manager ran: dashboard home, median", Median(() =>
        {
            after.GetStatistics();
            after.HourlySucceededJobs();
            after.HourlyFailedJobs();
            after.SucceededByDatesCount();
            after.FailedByDatesCount();
        }), "ms"));
        figures.AddRange(RowsPerTable(path, "after expiry"));
        figures.Add(new("hangfire.db size at the end", new FileInfo(path).Length / 1048576.0, "MiB"));
        return figures;
    }

    private static IEnumerable<Figure> RowsPerTable(string path, string when)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var figures = new List<Figure>();
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
#pragma warning disable CA2100 // Table names read from sqlite_master of our own benchmark file.
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
#pragma warning restore CA2100
            figures.Add(new($"rows in {table}, {when}", Convert.ToDouble(count.ExecuteScalar(), CultureInfo.InvariantCulture), "rows"));
        }

        return figures;
    }

    private static double Median(Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
