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
/// <c>e2e ingest-postgresql</c>: readings ingested per second, the same rows one after another in one run — SQLite
/// through the poller's path (HistoryWriter's channel → SqliteHistoryStore), SQLite direct batch writes, EF Core
/// AddRange + SaveChanges (on SQLite and on PostgreSQL), PostgreSQL binary COPY (direct and through the channel), each
/// with wall and CPU time, and the machine's load average before and after.
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
        try
        {
            // One after another on the same rows; wall time and this process's CPU time each (on a shared machine the CPU
            // figure says more about our code, the wall figure more about the neighbours).
            // Warm-up on throw-away files, so no contender runs in not-yet-optimised (tier-0) code: 40 batches a path, past
            // tier-1's 30 calls, then a wait until the background JIT is done. With 10 batches and no wait, the first
            // contender measured (the channel path) paid for the tier-1 compiles of them all: 106k–137k readings per
            // CPU-second, 188k with tiered compilation off.
            // The channel path is warmed with transactions of BatchSize (40 of them): taken as a backlog the burst is only
            // four or five transactions, too few calls for the writer's per-batch methods to leave tier 0 — a running node
            // commits four batches a second, so its writer is long past that (measured with tiering off: the same
            // contender at 508k–544k readings per CPU-second instead of 256k–290k).
            var warm = readings[..(Series * 40)];
            await SqliteChannelAsync(directory, "warm-channel.db", warm, warm.Length, cancellationToken, backlogBatchSize: BatchSize);
            await SqliteChannelAsync(directory, "warm-backlog.db", warm, warm.Length, cancellationToken);
            SqliteBatches(directory, "warm-direct.db", warm);
            await EfCoreAsync(new DbContextOptionsBuilder<EfSampleContext>().UseSqlite($"Data Source={Path.Combine(directory, "warm-ef.db")}").Options, sqlite: true, warm, cancellationToken);
            await JitSettledAsync(cancellationToken);

            // The poller's normal case: the buffer is never full (a poll adds a few dozen readings, the writer takes thousands
            // per batch), so the burst fits it; and with back-pressure: the default buffer of 100,000 and a burst twice that,
            // so every reading past the first 100,000 waits for room (the producer woken once per reading taken).
            var sqliteChannel = await MeasureAsync(() => SqliteChannelAsync(directory, "channel.db", readings, readings.Length, cancellationToken));
            var sqliteBackPressure = await MeasureAsync(() => SqliteChannelAsync(directory, "backpressure.db", readings, new HistoryOptions().BufferCapacity, cancellationToken));
            var sqlite = await MeasureAsync(() => Task.FromResult(SqliteBatches(directory, "ours.db", readings)));
            var efSqlite = await MeasureAsync(() => EfCoreAsync(new DbContextOptionsBuilder<EfSampleContext>().UseSqlite($"Data Source={Path.Combine(directory, "ef.db")}").Options, sqlite: true, readings, cancellationToken));
            var n = readings.Length.ToString("N0", CultureInfo.InvariantCulture);
            List<Figure> figures =
            [
                new Figure($"ingest {n} readings, SQLite through the poller's path (HistoryWriter channel → SqliteHistoryStore, batches of {BatchSize}, a backlog up to {new HistoryOptions().BacklogBatchSize:N0}/tx, + the rollup run; buffer holds the burst)", readings.Length / sqliteChannel.Wall.TotalSeconds, "readings/s"),
                new Figure($"ingest {n} readings, SQLite through the poller's path with back-pressure (buffer {new HistoryOptions().BufferCapacity:N0}, the default)", readings.Length / sqliteBackPressure.Wall.TotalSeconds, "readings/s"),
                new Figure($"ingest {n} readings, SQLite direct batch write (SqliteHistoryStore, {BatchSize}/tx, + the rollup run)", readings.Length / sqlite.Wall.TotalSeconds, "readings/s"),
                new Figure($"ingest {n} readings, EF Core AddRange + SaveChanges on SQLite ({BatchSize}/SaveChanges)", readings.Length / efSqlite.Wall.TotalSeconds, "readings/s"),
                new Figure("SQLite poller's path over EF Core AddRange on SQLite (wall)", efSqlite.Wall.TotalSeconds / sqliteChannel.Wall.TotalSeconds, "×"),
                new Figure("SQLite poller's path over the direct batch write (CPU; 1 = as cheap)", sqlite.Cpu.TotalSeconds / sqliteChannel.Cpu.TotalSeconds, "×"),
                new Figure("SQLite poller's path over EF Core AddRange on SQLite (CPU)", efSqlite.Cpu.TotalSeconds / sqliteChannel.Cpu.TotalSeconds, "×"),
                new Figure("SQLite poller's path, readings per CPU-second of this process", readings.Length / sqliteChannel.Cpu.TotalSeconds, "readings/CPU-s"),
                new Figure("SQLite poller's path with back-pressure, readings per CPU-second", readings.Length / sqliteBackPressure.Cpu.TotalSeconds, "readings/CPU-s"),
                new Figure("SQLite direct batch write, readings per CPU-second", readings.Length / sqlite.Cpu.TotalSeconds, "readings/CPU-s"),
                new Figure("EF Core AddRange on SQLite, readings per CPU-second", readings.Length / efSqlite.Cpu.TotalSeconds, "readings/CPU-s"),
            ];

            var cluster = "";

            // DCOPS_BENCH_INGEST_SQLITE_ONLY=1: the SQLite half alone (no PostgreSQL cluster needed), as for history-queries.
            if (Environment.GetEnvironmentVariable("DCOPS_BENCH_INGEST_SQLITE_ONLY") != "1")
            {
                var (postgres, source) = await PostgreSqlAsync(readings, cancellationToken);
                figures.AddRange(postgres);
                cluster = "; PostgreSQL: " + source;
            }

            figures.Add(new Figure($"machine load average (1 min) before the run, {Environment.ProcessorCount} cores{cluster}", loadBefore, "runnable tasks"));
            figures.Add(new Figure("machine load average (1 min) after the run", LoadAverage(), "runnable tasks"));
            return figures;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(IReadOnlyList<Figure> Figures, string Source)> PostgreSqlAsync(Reading[] readings, CancellationToken cancellationToken)
    {
        await using var server = await BenchPostgres.StartAsync();
        var database = "dcops_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {database}", cancellationToken);
        // EF Core's EnsureCreated wants a database without tables: its own.
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {database}_ef", cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;
        var efConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database + "_ef" }.ConnectionString;
        try
        {
            var copy = await MeasureAsync(() => PostgresCopyAsync(connectionString, readings, cancellationToken));
            var copyChannel = await MeasureAsync(() => PostgresChannelAsync(connectionString, readings, cancellationToken));
            var efPostgres = await MeasureAsync(() => EfCoreAsync(new DbContextOptionsBuilder<EfSampleContext>().UseNpgsql(efConnectionString).Options, sqlite: false, readings, cancellationToken));
            var n = readings.Length.ToString("N0", CultureInfo.InvariantCulture);
            return (
            [
                new Figure($"ingest {n} readings, PostgreSQL binary COPY (PostgresHistoryStore, {BatchSize}/tx, day partition)", readings.Length / copy.Wall.TotalSeconds, "readings/s"),
                new Figure($"ingest {n} readings, PostgreSQL binary COPY through HistoryWriter's channel", readings.Length / copyChannel.Wall.TotalSeconds, "readings/s"),
                new Figure($"ingest {n} readings, EF Core AddRange + SaveChanges on PostgreSQL ({BatchSize}/SaveChanges)", readings.Length / efPostgres.Wall.TotalSeconds, "readings/s"),
                new Figure("PostgreSQL COPY over EF Core AddRange on PostgreSQL (wall)", efPostgres.Wall.TotalSeconds / copy.Wall.TotalSeconds, "×"),
                new Figure("PostgreSQL COPY, readings per CPU-second of this process (the server's CPU not counted)", readings.Length / copy.Cpu.TotalSeconds, "readings/CPU-s"),
            ], server.Source);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None);
            await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS {database}_ef WITH (FORCE)", CancellationToken.None);
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

    /// <summary>Waits until no method has been compiled for half a second (at most 30 s): tier-1 work left from the warm-up.</summary>
    private static async Task JitSettledAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        do
        {
            await Task.Delay(500, cancellationToken);
        }
        while (compiled != (compiled = System.Runtime.JitInfo.GetCompiledMethodCount()) && deadline.Elapsed < TimeSpan.FromSeconds(30));
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> MeasureAsync(Func<Task<TimeSpan>> contender)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = await contender();
        return (wall, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    /// <summary>What the poller does: each reading through <see cref="HistoryWriter.WriteAsync"/>, the writer's loop batching them.</summary>
    private static async Task<TimeSpan> SqliteChannelAsync(
        string directory, string file, Reading[] readings, int bufferCapacity, CancellationToken cancellationToken, int backlogBatchSize = 0)
    {
        var history = new HistoryOptions { DatabaseFile = file, BatchSize = BatchSize, BufferCapacity = bufferCapacity };
        if (backlogBatchSize > 0)
        {
            history.BacklogBatchSize = backlogBatchSize;
        }

        var options = Options.Create(new MonitoringOptions { DataDirectory = directory, History = history });
        using var writer = new HistoryWriter(new MonitoringDatabase(options), options, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        // Schema and series ids first, as on a running node.
        writer.WriteBatch(IngestFigures.Primer(readings, Series));
        await writer.Store.RollupAsync(DateTimeOffset.UtcNow, null, cancellationToken);
        await writer.StartAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        foreach (var reading in readings)
        {
            await writer.WriteAsync(reading, cancellationToken);
        }

        while (writer.Stored < readings.Length + Series)
        {
            await Task.Delay(1, cancellationToken);
        }

        // The rollup run's share: it writes the aggregates the batches left (on SQLite the rollups cost nothing per batch).
        await writer.Store.RollupAsync(DateTimeOffset.UtcNow, null, cancellationToken);
        clock.Stop();
        await writer.StopAsync(cancellationToken);
        return clock.Elapsed;
    }

    private static TimeSpan SqliteBatches(string directory, string file, Reading[] readings)
    {
        var options = Options.Create(new MonitoringOptions { DataDirectory = directory, History = new HistoryOptions { DatabaseFile = file } });
        using var writer = new HistoryWriter(new MonitoringDatabase(options), options, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        writer.WriteBatch(IngestFigures.Primer(readings, Series));
        writer.Store.RollupAsync(DateTimeOffset.UtcNow, null, CancellationToken.None).GetAwaiter().GetResult();
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < readings.Length; offset += BatchSize)
        {
            writer.WriteBatch(new ArraySegment<Reading>(readings, offset, Math.Min(BatchSize, readings.Length - offset)));
        }

        // The rollup run's share, as in the channel path.
        writer.Store.RollupAsync(DateTimeOffset.UtcNow, null, CancellationToken.None).GetAwaiter().GetResult();
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

    internal static double LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture)
            : double.NaN;

    internal static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
