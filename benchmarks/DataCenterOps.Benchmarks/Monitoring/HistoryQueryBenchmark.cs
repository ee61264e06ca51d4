using System.Diagnostics;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// <c>e2e history-queries</c>: the device page's chart queries on a database of the size a site reaches — 100 points ×
/// 7 days raw at 10 s (6,048,000 rows), 7 days of 1-minute and 1 year of 1-hour rollups — on SQLite (monitoring.db, the
/// figures of <see cref="HistoryQueryFigures"/>) and on PostgreSQL (schema <c>monitoring</c>, day partitions), each query
/// through <see cref="HistoryQuery"/> on a point not read before; with the machine's load average.
/// </summary>
public sealed class HistoryQueryBenchmark : IEndToEndBenchmark
{
    // The SQLite figures' data set and measurement, on PostgreSQL.
    private const int Devices = HistoryQueryFigures.Devices;
    private const int PointsPerDevice = HistoryQueryFigures.PointsPerDevice;
    private const int SampleSeconds = HistoryQueryFigures.SampleSeconds;
    private static readonly DateTimeOffset Now = HistoryQueryFigures.Now;

    public string Name => "history-queries";

    public TimeSpan Timeout => TimeSpan.FromMinutes(30);

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var figures = new List<Figure> { new("machine load average (1 min) at the start", IngestPostgreSqlBenchmark.LoadAverage(), "runnable tasks") };
        var directory = Directory.CreateTempSubdirectory("dcops-bench-history-").FullName;
        try
        {
            foreach (var figure in await HistoryQueryFigures.RunAsync(directory, cancellationToken))
            {
                figures.Add(figure with { What = "SQLite: " + figure.What });
            }

            figures.Add(new("machine load average (1 min) after SQLite", IngestPostgreSqlBenchmark.LoadAverage(), "runnable tasks"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        // DCOPS_BENCH_HISTORY_SQLITE_ONLY=1: the SQLite half alone (PostgreSQL's seed takes minutes).
        if (Environment.GetEnvironmentVariable("DCOPS_BENCH_HISTORY_SQLITE_ONLY") != "1")
        {
            figures.AddRange(await PostgreSqlAsync(cancellationToken));
        }

        figures.Add(new("machine load average (1 min) at the end", IngestPostgreSqlBenchmark.LoadAverage(), "runnable tasks"));
        return figures;
    }

    private static async Task<IReadOnlyList<Figure>> PostgreSqlAsync(CancellationToken cancellationToken)
    {
        await using var server = await BenchPostgres.StartAsync();
        var name = "dcops_bench_" + Guid.NewGuid().ToString("N")[..12];
        await IngestPostgreSqlBenchmark.ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {name}", cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, CommandTimeout = 3600 }.ConnectionString;
        try
        {
            var options = Options.Create(new MonitoringOptions { PostgreSqlConnectionString = connectionString });
            await using var shared = new SharedDatabase(options);
            var store = new PostgresHistoryStore(shared, options, new OpenHistoryWriteFence());
            var seed = Stopwatch.StartNew();
            await SeedAsync(store, connectionString, cancellationToken);
            seed.Stop();
            var query = new HistoryQuery(store);
            var figures = new List<Figure>
            {
                new($"PostgreSQL: seeding 100 points × 7 days raw at {SampleSeconds} s + rollups, then VACUUM ANALYZE ({server.Source})", seed.Elapsed.TotalSeconds, "s"),
            };

            // Client CPU only: the server's is not counted.
            figures.AddRange((await HistoryQueryFigures.MeasureChartsAsync(query, cancellationToken)).Select(f => f with { What = "PostgreSQL: " + f.What }));
            return figures;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await IngestPostgreSqlBenchmark.ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
        }
    }

    // The first readings through the store (schema, series ids 1..100, a partition); the rest in SQL, in time order like a
    // poller; then VACUUM ANALYZE, which autovacuum does on its own for insert-only tables (PostgreSQL ≥ 13).
    private static async Task SeedAsync(PostgresHistoryStore store, string connectionString, CancellationToken cancellationToken)
    {
        var start = Now - TimeSpan.FromDays(7);
        var first = new Reading[Devices * PointsPerDevice];
        for (var s = 0; s < first.Length; s++)
        {
            first[s] = new Reading($"dev-{s / PointsPerDevice}", $"point.{s % PointsPerDevice}", start, 20, "°C");
        }

        await store.WriteBatchAsync(first, cancellationToken);
        var partitions = new List<string>();
        for (var day = DateOnly.FromDateTime(start.UtcDateTime); day < DateOnly.FromDateTime(Now.UtcDateTime); day = day.AddDays(1))
        {
            partitions.Add($"SELECT monitoring.history_ensure_partition('history_samples', DATE '{day:yyyy-MM-dd}');");
            partitions.Add($"SELECT monitoring.history_ensure_partition('history_minute', DATE '{day:yyyy-MM-dd}');");
        }

        var from = $"TIMESTAMPTZ '{start.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00'";
        var to = $"TIMESTAMPTZ '{Now.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00'";
        var yearFrom = $"TIMESTAMPTZ '{(Now - TimeSpan.FromDays(365)).UtcDateTime:yyyy-MM-dd HH:mm:ss}+00'";
        await IngestPostgreSqlBenchmark.ExecuteAsync(connectionString, string.Join('\n', partitions), cancellationToken);
        await IngestPostgreSqlBenchmark.ExecuteAsync(
            connectionString,
            $"""
            INSERT INTO monitoring.history_samples (series_id, ts, value)
            SELECT s.id, t, 20 + (extract(epoch FROM t)::bigint % 7)
            FROM generate_series({from} + interval '{SampleSeconds} seconds', {to} - interval '1 millisecond', interval '{SampleSeconds} seconds') t
            CROSS JOIN monitoring.history_series s ORDER BY t, s.id;
            INSERT INTO monitoring.history_minute (series_id, bucket, min, max, sum, count)
            SELECT s.id, b, 19, 21, 120, 6
            FROM generate_series({from}, {to} - interval '1 minute', interval '1 minute') b CROSS JOIN monitoring.history_series s;
            INSERT INTO monitoring.history_hour (series_id, bucket, min, max, sum, count)
            SELECT s.id, b, 19, 21, 7200, 360
            FROM generate_series({yearFrom}, {to} - interval '1 hour', interval '1 hour') b CROSS JOIN monitoring.history_series s;
            """,
            cancellationToken);
        await IngestPostgreSqlBenchmark.ExecuteAsync(connectionString, "VACUUM ANALYZE", cancellationToken);
    }
}
