using System.Diagnostics;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// Chart queries on a database of the size a site reaches: 100 points × 7 days of raw samples (every 10 s, through the
/// batch writer) and 1 year of 1-hour (and 7 days of 1-minute) rollups. Median of several runs of the device page's
/// queries, each on a point not read before. Most raw samples are seeded in SQL (the batch writer alone took over 20 minutes
/// for them on this shared machine); the last 2 hours go through the batch writer (a cold page cache as far as SQLite's own cache goes).
/// </summary>
internal static class HistoryQueryFigures
{
    internal const int Devices = 10;
    internal const int PointsPerDevice = 10;
    internal const int SampleSeconds = 10;
    internal const int Runs = 7;
    internal static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyList<Figure>> RunAsync(string directory, CancellationToken cancellationToken)
    {
        var options = Options.Create(new MonitoringOptions { DataDirectory = directory, History = new HistoryOptions { DatabaseFile = "history.db" } });
        var database = new MonitoringDatabase(options);
        var raw = SeedRaw(database, options);
        await SeedRollupsAsync(database, cancellationToken);
        var query = new HistoryQuery(database);

        var figures = new List<Figure>
        {
            new($"batch writer into a full database (last {raw:N0} of 100 points × 7 days at {SampleSeconds} s)", WriterRate, "readings/s"),
        };
        figures.AddRange(await MeasureChartsAsync(query, cancellationToken));
        figures.Add(new("monitoring.db size with that history", new FileInfo(database.FilePath).Length / 1048576.0, "MiB"));
        figures.AddRange(await MonitoringMigrationFigures.RunAsync(directory, cancellationToken));
        return figures;
    }

    // Six days and 22 hours straight in SQL (SQLite's own engine, in time order like a poller); the last 2 hours through
    // the batch writer, into a file that already holds the rest, so its rate on a full database is measured too.
    private static long SeedRaw(MonitoringDatabase database, IOptions<MonitoringOptions> options)
    {
        using var writer = new HistoryWriter(database, options, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        var series = Devices * PointsPerDevice;
        var deviceIds = Enumerable.Range(0, Devices).Select(d => $"dev-{d}").ToArray();
        var points = Enumerable.Range(0, PointsPerDevice).Select(p => $"point.{p}").ToArray();
        var start = Now - TimeSpan.FromDays(7);
        var byWriter = TimeSpan.FromHours(2);

        // Creates the series rows (ids 1..100 in order).
        var first = new Reading[series];
        for (var s = 0; s < series; s++)
        {
            first[s] = new Reading(deviceIds[s / PointsPerDevice], points[s % PointsPerDevice], start, 20, "°C");
        }

        writer.WriteBatch(first);
        using (var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult())
        using (var command = connection.CreateCommand())
        {
            var fromMs = start.ToUnixTimeMilliseconds() + (SampleSeconds * 1000L);
            var toMs = (Now - byWriter).ToUnixTimeMilliseconds();
            command.CommandTimeout = 3600;
            command.CommandText = $"""
                PRAGMA synchronous = OFF;
                WITH RECURSIVE t(ts) AS (SELECT {fromMs} UNION ALL SELECT ts + {SampleSeconds * 1000} FROM t WHERE ts + {SampleSeconds * 1000} < {toMs}),
                s(id) AS (SELECT id FROM series)
                INSERT INTO samples (series_id, ts, value) SELECT s.id, t.ts, 20 + (t.ts % 7) FROM t CROSS JOIN s ORDER BY t.ts, s.id;
                """;
            command.ExecuteNonQuery();
        }

        var ticks = (int)(byWriter.TotalSeconds / SampleSeconds);
        var batch = new Reading[series * 20];
        var clock = Stopwatch.StartNew();
        long written = 0;
        for (var tick = 0; tick < ticks;)
        {
            var count = 0;
            for (var t = 0; t < 20 && tick < ticks; t++, tick++)
            {
                var at = Now - byWriter + TimeSpan.FromSeconds((double)tick * SampleSeconds);
                for (var s = 0; s < series; s++)
                {
                    batch[count++] = new Reading(deviceIds[s / PointsPerDevice], points[s % PointsPerDevice], at, 20 + Math.Sin(tick / 360.0 + s), "°C");
                }
            }

            writer.WriteBatch(new ArraySegment<Reading>(batch, 0, count));
            written += count;
        }

        WriterRate = written / clock.Elapsed.TotalSeconds;
        return written;
    }

    private static double WriterRate { get; set; }

    private static async Task SeedRollupsAsync(MonitoringDatabase database, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        await using (connection)
        {
            var to = Now.ToUnixTimeMilliseconds();
            var yearFrom = (Now - TimeSpan.FromDays(365)).ToUnixTimeMilliseconds();
            var weekFrom = (Now - TimeSpan.FromDays(7)).ToUnixTimeMilliseconds();
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = 600;
            command.CommandText = $"""
                WITH RECURSIVE hours(b) AS (SELECT {yearFrom} UNION ALL SELECT b + 3600000 FROM hours WHERE b + 3600000 < {to})
                INSERT OR REPLACE INTO rollup_hour (series_id, bucket, min, max, sum, count)
                SELECT s.id, h.b, 19, 21, 20 * 360, 360 FROM series s CROSS JOIN hours h;
                WITH RECURSIVE minutes(b) AS (SELECT {weekFrom} UNION ALL SELECT b + 60000 FROM minutes WHERE b + 60000 < {to})
                INSERT OR REPLACE INTO rollup_minute (series_id, bucket, min, max, sum, count)
                SELECT s.id, m.b, 19, 21, 20 * 6, 6 FROM series s CROSS JOIN minutes m;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The three charts through the chart path the screens use (<see cref="HistoryQuery.GetChartSeriesAsync(string, string, DateTimeOffset, DateTimeOffset, HistoryResolution, CancellationToken)"/>:
    /// at most <see cref="HistoryQuery.ChartSamples"/> samples, buckets grouped in SQL), and the same ranges read row by
    /// row (<see cref="HistoryQuery.GetSeriesAsync(string, string, DateTimeOffset, DateTimeOffset, HistoryResolution, CancellationToken)"/>, the CSV export's path,
    /// and every chart's before the bound). "7 days raw" asks raw explicitly: no screen's range picks raw beyond 6 hours.
    /// </summary>
    internal static async Task<IReadOnlyList<Figure>> MeasureChartsAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        foreach (var (name, range, resolution, offset) in new[]
        {
            ("1-year chart of one point (1-hour rollups)", TimeSpan.FromDays(365), HistoryResolution.Hour, 0),
            ("7-day chart of one point (1-minute rollups; the range the device page's 7-day button asks)", TimeSpan.FromDays(7), HistoryResolution.Minute, 1),
            ("7-day chart of one point (raw)", TimeSpan.FromDays(7), HistoryResolution.Raw, 2),
        })
        {
            // The chart first, on points not read before; then every row on other points (offset + 3).
            var chart = await MeasureAsync(query, range, resolution, offset, chart: true, cancellationToken);
            var rows = await MeasureAsync(query, range, resolution, offset + 3, chart: false, cancellationToken);
            figures.Add(new($"{name}, chart path ({chart.Samples:N0} samples), median", chart.Median, "ms"));
            figures.Add(new($"{name}, chart path, worst", chart.Worst, "ms"));
            figures.Add(new($"{name}, chart path, CPU of this process per query", chart.CpuMs, "ms"));
            figures.Add(new($"{name}, every row ({rows.Samples:N0}; the CSV export's read), median", rows.Median, "ms"));
            figures.Add(new($"{name}, every row, CPU of this process per query", rows.CpuMs, "ms"));
        }

        return figures;
    }

    /// <summary>Median, worst, CPU per query and samples returned of <see cref="Runs"/> reads, each of another point.</summary>
    internal static async Task<(double Median, double Worst, double CpuMs, int Samples)> MeasureAsync(
        HistoryQuery query, TimeSpan range, HistoryResolution resolution, int offset, bool chart, CancellationToken cancellationToken)
    {
        var samples = 0;

        // One untimed read first, of a point no figure reads (series 3..8; the figures' offsets 0..5 read none of them), so
        // the JIT's first compile of the path is not in the CPU figure.
        var warm = 3 + offset;
        _ = chart
            ? await query.GetChartSeriesAsync($"dev-{warm / PointsPerDevice}", $"point.{warm % PointsPerDevice}", Now - range, Now, resolution, cancellationToken)
            : await query.GetSeriesAsync($"dev-{warm / PointsPerDevice}", $"point.{warm % PointsPerDevice}", Now - range, Now, resolution, cancellationToken);
        var times = new List<double>();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        for (var run = 0; run < Runs; run++)
        {
            // A different point each run (and each figure): nothing of it is in SQLite's page cache of this connection yet.
            var series = (run * 13 + offset * 37) % (Devices * PointsPerDevice);
            var clock = Stopwatch.StartNew();
            var (device, point) = ($"dev-{series / PointsPerDevice}", $"point.{series % PointsPerDevice}");
            var result = chart
                ? await query.GetChartSeriesAsync(device, point, Now - range, Now, resolution, cancellationToken)
                : await query.GetSeriesAsync(device, point, Now - range, Now, resolution, cancellationToken);
            clock.Stop();
            samples = result.Samples.Count;
            if (result.Samples.Count == 0)
            {
                throw new InvalidOperationException($"No {resolution} samples for series {series}: the seed did not work.");
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var cpuMs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Runs;
        times.Sort();
        return (times[times.Count / 2], times[^1], cpuMs, samples);
    }
}
