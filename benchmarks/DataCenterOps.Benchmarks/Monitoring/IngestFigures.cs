using System.Diagnostics;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>Readings per second into SQLite: our batched raw ADO.NET writer vs EF Core AddRange/SaveChanges, same file layout and batch size.</summary>
internal static class IngestFigures
{
    private const int Devices = 200;
    private const int PointsPerDevice = 10;
    private const int BatchSize = 2_000;

    public static async Task<IReadOnlyList<Figure>> RunAsync(string directory, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var readings = new Reading[Devices * PointsPerDevice * 100];
        for (var i = 0; i < readings.Length; i++)
        {
            var series = i % (Devices * PointsPerDevice);
            readings[i] = new Reading($"dev-{series / PointsPerDevice}", $"point.{series % PointsPerDevice}", start.AddSeconds(i / (Devices * PointsPerDevice)), i * 0.5, "V");
        }

        // CPU time beside wall time: on a machine shared with other builds the wall figure says more about the neighbours.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var ours = await OursAsync(directory, readings, cancellationToken);
        var oursCpu = CpuSince(ref cpu);
        var direct = OursDirect(directory, readings);
        var directCpu = CpuSince(ref cpu);
        var ef = await EfCoreAsync(directory, readings, cancellationToken);
        var efCpu = CpuSince(ref cpu);
        return
        [
            new Figure($"ingest {readings.Length:N0} readings per CPU-second, ours (channel → batch)", readings.Length / oursCpu.TotalSeconds, "readings/CPU-s"),
            new Figure($"ingest {readings.Length:N0} readings per CPU-second, ours without the channel", readings.Length / directCpu.TotalSeconds, "readings/CPU-s"),
            new Figure($"ingest {readings.Length:N0} readings per CPU-second, EF Core AddRange", readings.Length / efCpu.TotalSeconds, "readings/CPU-s"),
            new Figure("ingest CPU speed-up, ours (channel → batch) over EF Core", efCpu.TotalSeconds / oursCpu.TotalSeconds, "×"),
            new Figure($"ingest {readings.Length:N0} readings, ours (channel → batched ADO.NET, batches of {BatchSize}, a backlog up to {new HistoryOptions().BacklogBatchSize:N0}/tx)", readings.Length / ours.TotalSeconds, "readings/s"),
            new Figure($"ingest {readings.Length:N0} readings, ours without the channel (WriteBatch, {BatchSize}/tx)", readings.Length / direct.TotalSeconds, "readings/s"),
            new Figure($"ingest {readings.Length:N0} readings, EF Core AddRange + SaveChanges ({BatchSize}/SaveChanges)", readings.Length / ef.TotalSeconds, "readings/s"),
            new Figure("ingest speed-up, ours over EF Core", ef.TotalSeconds / ours.TotalSeconds, "×"),
        ];
    }

    /// <summary>
    /// The first <paramref name="count"/> readings a day earlier: written before the clock starts, they create the file,
    /// schema and series ids as on a running node without being the measured readings themselves (the store keeps one
    /// reading per point and millisecond, so the same reading written again would not be stored again).
    /// </summary>
    internal static Reading[] Primer(Reading[] readings, int count) =>
        [.. readings.Take(count).Select(r => r with { Timestamp = r.Timestamp.AddDays(-1) })];

    private static TimeSpan CpuSince(ref TimeSpan start)
    {
        var now = Process.GetCurrentProcess().TotalProcessorTime;
        var used = now - start;
        start = now;
        return used;
    }

    private static async Task<TimeSpan> OursAsync(string directory, Reading[] readings, CancellationToken cancellationToken)
    {
        var options = Options.Create(new MonitoringOptions
        {
            DataDirectory = directory,
            History = new HistoryOptions { DatabaseFile = "ours.db", BatchSize = BatchSize },
        });
        var database = new MonitoringDatabase(options);
        using var writer = new HistoryWriter(database, options, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        writer.WriteBatch(Primer(readings, 1));
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
        return clock.Elapsed;
    }

    private static TimeSpan OursDirect(string directory, Reading[] readings)
    {
        var options = Options.Create(new MonitoringOptions { DataDirectory = directory, History = new HistoryOptions { DatabaseFile = "direct.db" } });
        using var writer = new HistoryWriter(new MonitoringDatabase(options), options, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        writer.WriteBatch(Primer(readings, 1));
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < readings.Length; offset += BatchSize)
        {
            writer.WriteBatch(new ArraySegment<Reading>(readings, offset, Math.Min(BatchSize, readings.Length - offset)));
        }

        return clock.Elapsed;
    }

    private static async Task<TimeSpan> EfCoreAsync(string directory, Reading[] readings, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "ef.db") }.ToString();
        var options = new DbContextOptionsBuilder<EfSampleContext>().UseSqlite(connectionString).Options;
        await using (var setup = new EfSampleContext(options))
        {
            await setup.Database.EnsureCreatedAsync(cancellationToken);
            await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", cancellationToken);
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
}
