using System.Diagnostics;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// The monitoring.db layout change (MonitoringSchemaMigration, user_version 0 → 1) on a full week: 100 points × 7 days
/// raw at 10 s (6,048,000 rows) written in the release-before layout (rowid table, covering and time indexes), the
/// periodic job's watermark a minute back; timed from the first open, which runs it; with the log lines it wrote.
/// </summary>
internal static class MonitoringMigrationFigures
{
    // The release-before layout, as far as history goes (the same as MonitoringSchemaMigrationTests').
    private const string FormerLayout = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE series (id INTEGER PRIMARY KEY, device_id TEXT NOT NULL, point TEXT NOT NULL, unit TEXT NOT NULL DEFAULT '', UNIQUE (device_id, point));
        CREATE TABLE samples (series_id INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL);
        CREATE INDEX ix_samples_series_ts_value ON samples (series_id, ts, value);
        CREATE INDEX ix_samples_ts ON samples (ts);
        CREATE TABLE rollup_minute (series_id INTEGER NOT NULL, bucket INTEGER NOT NULL, min REAL NOT NULL, max REAL NOT NULL, sum REAL NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (series_id, bucket)) WITHOUT ROWID;
        CREATE TABLE rollup_hour (series_id INTEGER NOT NULL, bucket INTEGER NOT NULL, min REAL NOT NULL, max REAL NOT NULL, sum REAL NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (series_id, bucket)) WITHOUT ROWID;
        CREATE TABLE rollup_state (name TEXT PRIMARY KEY, watermark INTEGER NOT NULL);
        """;

    public static async Task<IReadOnlyList<Figure>> RunAsync(string directory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(directory, "former.db");
        var seed = Stopwatch.StartNew();
        WriteFormerWeek(file);
        seed.Stop();
        var before = new FileInfo(file).Length;

        var log = new CountingLogger();
        var options = Options.Create(new MonitoringOptions { DataDirectory = directory, History = new HistoryOptions { DatabaseFile = "former.db" } });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var connection = await new MonitoringDatabase(options, log).OpenAsync(cancellationToken);
        await connection.DisposeAsync();
        clock.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        SqliteConnection.ClearAllPools();
        return
        [
            new("writing a full week in the former layout (100 points × 7 days at 10 s, rowid table + 2 indexes)", seed.Elapsed.TotalSeconds, "s"),
            new("monitoring.db layout change 0 → 1 on it (first open), wall", clock.Elapsed.TotalSeconds, "s"),
            new("monitoring.db layout change 0 → 1, CPU of this process (SQLite in-process)", cpuSeconds, "s"),
            new("monitoring.db layout change 0 → 1, lines logged (start, progress, end)", log.Lines, "lines"),
            new("former-layout file before the change", before / 1048576.0, "MiB"),
            new("file after the change (freed pages stay in the file until VACUUM)", new FileInfo(file).Length / 1048576.0, "MiB"),
        ];
    }

    private static void WriteFormerWeek(string file)
    {
        var now = HistoryQueryFigures.Now;
        var fromMs = (now - TimeSpan.FromDays(7)).ToUnixTimeMilliseconds();
        var toMs = now.ToUnixTimeMilliseconds();
        var step = HistoryQueryFigures.SampleSeconds * 1000;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandTimeout = 3600;
        command.CommandText = FormerLayout + $"""
            PRAGMA synchronous = OFF;
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {HistoryQueryFigures.Devices * HistoryQueryFigures.PointsPerDevice})
            INSERT INTO series (id, device_id, point, unit) SELECT i + 1, 'dev-' || (i / {HistoryQueryFigures.PointsPerDevice}), 'point.' || (i % {HistoryQueryFigures.PointsPerDevice}), '°C' FROM n;
            WITH RECURSIVE t(ts) AS (SELECT {fromMs} UNION ALL SELECT ts + {step} FROM t WHERE ts + {step} < {toMs})
            INSERT INTO samples (series_id, ts, value) SELECT s.id, t.ts, 20 + (t.ts % 7) FROM t CROSS JOIN series s ORDER BY t.ts, s.id;
            INSERT INTO rollup_state VALUES ('minute', {toMs - 60_000});
            """;
        command.ExecuteNonQuery();
    }

    private sealed class CountingLogger : ILogger<MonitoringDatabase>
    {
        public int Lines { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Lines++;
            Console.Error.WriteLine($"  [{logLevel}] {formatter(state, exception)}");
        }
    }
}
