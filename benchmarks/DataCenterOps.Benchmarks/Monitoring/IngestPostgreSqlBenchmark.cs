using System.Diagnostics;
using System.Globalization;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// <c>e2e ingest-postgresql</c>: readings ingested per second, the same rows one after another in one run —
/// PostgreSQL binary COPY (our PostgreSQL history store), SQLite batches (our monitoring.db store, today's path) and
/// EF Core AddRange + SaveChanges (on SQLite and on PostgreSQL), with the machine's load average before and after.
/// </summary>
public sealed class IngestPostgreSqlBenchmark : IEndToEndBenchmark
{
    private const int Series = 2_000;
    private const int Rounds = 100;
    private const int BatchSize = 2_000;

    public string Name => "ingest-postgresql";

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var loadBefore = LoadAverage();
        var readings = Readings();
        var directory = Directory.CreateTempSubdirectory("dcops-bench-ingest-pg-").FullName;
        await using var server = await BenchPostgres.StartAsync();
        var database = "dcops_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {database}", cancellationToken);
        // EF Core's EnsureCreated wants a database without tables: its own.
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {database}_ef", cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;
        var efConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database + "_ef" }.ConnectionString;
        try
        {
            var copy = await PostgresCopyAsync(connectionString, readings, cancellationToken);
            var copyChannel = await PostgresChannelAsync(connectionString, readings, cancellationToken);
            var sqlite = SqliteBatches(directory, readings);
            var efSqlite = await EfCoreAsync(new DbContextOptionsBuilder<EfSampleContext>().UseSqlite($"Data Source={Path.Combine(directory, "ef.db")}").Options, sqlite: true, readings, cancellationToken);
            var efPostgres = await EfCoreAsync(new DbContextOptionsBuilder<EfSampleContext>().UseNpgsql(efConnectionString).Options, sqlite: false, readings, cancellationToken);
            var loadAfter = LoadAverage();
            var n = readings.Length.ToString("N0", CultureInfo.InvariantCulture);
            return
            [
                new Figure($"ingest {n} readings, PostgreSQL binary COPY (PostgresHistoryStore, {BatchSize}/tx, day partition)", readings.Length / copy.TotalSeconds, "readings/s"),
                new Figure($"ingest {n} readings, PostgreSQL binary COPY through HistoryWriter's channel", readings.Length / copyChannel.TotalSeconds, "readings/s"),
                new Figure($"ingest {n} readings, SQLite batches (SqliteHistoryStore, {BatchSize}/tx, today's path)", readings.Length / sqlite.TotalSeconds, "readings/s"),
                new Figure($"ingest {n} readings, EF Core AddRange + SaveChanges on SQLite ({BatchSize}/SaveChanges)", readings.Length / efSqlite.TotalSeconds, "readings/s"),
                new Figure($"ingest {n} readings, EF Core AddRange + SaveChanges on PostgreSQL ({BatchSize}/SaveChanges)", readings.Length / efPostgres.TotalSeconds, "readings/s"),
                new Figure("PostgreSQL COPY over EF Core AddRange on PostgreSQL", efPostgres.TotalSeconds / copy.TotalSeconds, "×"),
                new Figure($"machine load average (1 min) before the run, {Environment.ProcessorCount} cores; PostgreSQL: {server.Source}", loadBefore, "runnable tasks"),
                new Figure("machine load average (1 min) after the run", loadAfter, "runnable tasks"),
            ];
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None);
            await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS {database}_ef WITH (FORCE)", CancellationToken.None);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>2,000 series (200 devices × 10 points) × 100 rounds a second apart, the same rows for every contender.</summary>
    private static Reading[] Readings()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var readings = new Reading[Series * Rounds];
        for (var i = 0; i < readings.Length; i++)
        {
            var series = i % Series;
            readings[i] = new Reading($"dev-{series / 10}", $"point.{series % 10}", start.AddSeconds(i / Series), i * 0.5, "V");
        }

        return readings;
    }

    private static async Task<TimeSpan> PostgresCopyAsync(string connectionString, Reading[] readings, CancellationToken cancellationToken)
    {
        var options = Options.Create(new MonitoringOptions { PostgreSqlConnectionString = connectionString, History = new HistoryOptions { BatchSize = BatchSize } });
        await using var shared = new SharedDatabase(options);
        var store = new PostgresHistoryStore(shared, options, new OpenHistoryWriteFence());
        using var writer = new HistoryWriter(store, options, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        // Schema, partitions and series ids first, as on a running node.
        await writer.WriteBatchAsync(new ArraySegment<Reading>(readings, 0, Series), cancellationToken);
        await ExecuteAsync(connectionString, "TRUNCATE monitoring.history_samples", cancellationToken);
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < readings.Length; offset += BatchSize)
        {
            await writer.WriteBatchAsync(new ArraySegment<Reading>(readings, offset, Math.Min(BatchSize, readings.Length - offset)), cancellationToken);
        }

        clock.Stop();
        await ExpectRowsAsync(connectionString, readings.Length, cancellationToken);
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> PostgresChannelAsync(string connectionString, Reading[] readings, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connectionString, "TRUNCATE monitoring.history_samples", cancellationToken);
        var options = Options.Create(new MonitoringOptions { PostgreSqlConnectionString = connectionString, History = new HistoryOptions { BatchSize = BatchSize } });
        await using var shared = new SharedDatabase(options);
        var store = new PostgresHistoryStore(shared, options, new OpenHistoryWriteFence());
        using var writer = new HistoryWriter(store, options, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        await writer.WriteBatchAsync([readings[0]], cancellationToken);
        await writer.StartAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        foreach (var reading in readings)
        {
            await writer.WriteAsync(reading, cancellationToken);
        }

        while (writer.Stored < readings.Length + 1)
        {
            await Task.Delay(5, cancellationToken);
        }

        clock.Stop();
        await writer.StopAsync(cancellationToken);
        await ExpectRowsAsync(connectionString, readings.Length + 1, cancellationToken);
        return clock.Elapsed;
    }

    private static TimeSpan SqliteBatches(string directory, Reading[] readings)
    {
        var options = Options.Create(new MonitoringOptions { DataDirectory = directory, History = new HistoryOptions { DatabaseFile = "ours.db" } });
        using var writer = new HistoryWriter(new MonitoringDatabase(options), options, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        writer.WriteBatch(new ArraySegment<Reading>(readings, 0, Series));
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < readings.Length; offset += BatchSize)
        {
            writer.WriteBatch(new ArraySegment<Reading>(readings, offset, Math.Min(BatchSize, readings.Length - offset)));
        }

        return clock.Elapsed;
    }

    private static async Task<TimeSpan> EfCoreAsync(DbContextOptions<EfSampleContext> options, bool sqlite, Reading[] readings, CancellationToken cancellationToken)
    {
        await using (var setup = new EfSampleContext(options))
        {
            await setup.Database.EnsureCreatedAsync(cancellationToken);
            if (sqlite)
            {
                await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", cancellationToken);
            }
        }

        // The series id lookup is done up front for EF: it is given the easier job.
        var seriesIds = readings.Select(r => (r.DeviceId, r.Point)).Distinct().Select((key, i) => (key, id: (long)i + 1)).ToDictionary(x => x.key, x => x.id);
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < readings.Length; offset += BatchSize)
        {
            await using var context = new EfSampleContext(options);
            context.Samples.AddRange(readings.Skip(offset).Take(BatchSize).Select(r => new EfSample
            {
                SeriesId = seriesIds[(r.DeviceId, r.Point)],
                Ts = r.Timestamp.ToUnixTimeMilliseconds(),
                Value = r.Value,
            }));
            await context.SaveChangesAsync(cancellationToken);
        }

        clock.Stop();
        return clock.Elapsed;
    }

    private static async Task ExpectRowsAsync(string connectionString, long expected, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM monitoring.history_samples", connection);
        var stored = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (stored != expected)
        {
            throw new InvalidOperationException($"{stored} rows stored, {expected} expected.");
        }
    }

    private static double LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture)
            : double.NaN;

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
