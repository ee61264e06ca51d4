using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Tests.Web;
using DataCenterOps.Tests.Web.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Monitoring.History;

/// <summary>
/// A monitoring.db written by the release before the clustered samples table (rowid table, covering and time
/// indexes, rollups kept by the periodic job up to its watermark) is opened by this one: nothing of its history is lost.
/// </summary>
public sealed class MonitoringSchemaMigrationTests : IDisposable
{
    private static readonly DateTimeOffset Hour = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    // The layout of the release before (MonitoringSchema as it was), as far as history goes.
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

    private readonly TempDirectory _temp = new();
    private readonly IOptions<MonitoringOptions> _options;

    public MonitoringSchemaMigrationTests() =>
        _options = Options.Create(new MonitoringOptions { DataDirectory = _temp.Path, History = new HistoryOptions() });

    [Fact]
    public async Task AFormerDatabase_KeepsEveryReadingAndRollup_AndGetsRollupsForWhatTheJobHadNotRolledUp()
    {
        WriteFormerDatabase();

        var database = new MonitoringDatabase(_options);
        var query = new HistoryQuery(database);

        // Raw: every reading, in the clustered table now.
        var raw = await query.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Raw, CancellationToken.None);
        Assert.Equal([10.0, 20.0, 30.0], raw.Samples.Select(s => s.Avg));
        Assert.Contains("WITHOUT ROWID", await ScalarAsync<string>(database, "SELECT sql FROM sqlite_master WHERE name = 'samples'"), StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync<long>(database, "PRAGMA user_version"));

        // Minutes: the old one whose raw samples retention had removed stays; 10:00 (rolled by the job) the same; 10:01
        // (after the job's watermark) rolled up by the migration.
        var minutes = await query.GetSeriesAsync("env-1", "temperature", Hour.AddHours(-2), Hour.AddHours(1), HistoryResolution.Minute, CancellationToken.None);
        Assert.Equal(
            [(Hour.AddHours(-2), 1.0, 6L), (Hour, 15.0, 2L), (Hour.AddMinutes(1), 30.0, 1L)],
            minutes.Samples.Select(s => (s.Timestamp, s.Avg, s.Count)));
        var hours = await query.GetSeriesAsync("env-1", "temperature", Hour.AddHours(-2), Hour.AddHours(1), HistoryResolution.Hour, CancellationToken.None);
        Assert.Equal([(Hour.AddHours(-2), 1.0, 6L), (Hour, 20.0, 3L)], hours.Samples.Select(s => (s.Timestamp, s.Avg, s.Count)));

        // The writer adds to them from here on; opening the file again migrates nothing twice.
        using (var writer = new HistoryWriter(database, _options, TimeProvider.System, NullLogger<HistoryWriter>.Instance))
        {
            writer.WriteBatch([new Reading("env-1", "temperature", Hour.AddSeconds(90), 40, "°C")]);
            await new HistoryMaintenance(database, writer, _options, TimeProvider.System, NullLogger<HistoryMaintenance>.Instance)
                .RollupAsync(Hour.AddMinutes(2), CancellationToken.None);
        }

        var again = new HistoryQuery(new MonitoringDatabase(_options));
        var hour = Assert.Single((await again.GetSeriesAsync("env-1", "temperature", Hour, Hour.AddHours(1), HistoryResolution.Hour, CancellationToken.None)).Samples);
        Assert.Equal((25.0, 4L), (hour.Avg, hour.Count));
        Assert.Equal(4L, await ScalarAsync<long>(database, "SELECT count(*) FROM samples"));
    }

    [Fact]
    public async Task TheApp_StartedOnAFormerDatabase_SaysSoInItsLog_WithProgress_UntilTheLayoutIsChanged()
    {
        WriteFormerDatabase();
        var capture = new LineCapture("monitoring.db is in layout 1 now");
        await using var app = WebAppFactory.On(_temp.Path);
        app.LogSink = capture;

        // The shipped appsettings.json's level (the test factory's default is Warning).
        app.ExtraSettings["Logging:LogLevel:Default"] = "Information";
        using var client = app.CreateClient();

        await capture.Seen.WaitAsync(TimeSpan.FromSeconds(60));
        var lines = capture.Lines.Where(l => l.Contains(typeof(MonitoringDatabase).FullName!, StringComparison.Ordinal)).ToList();
        Assert.StartsWith("Warning", Assert.Single(lines, l => l.Contains("is in an earlier layout", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Single(lines, l => l.Contains("100 % of the series copied", StringComparison.Ordinal));
        Assert.Equal(1L, await ScalarAsync<long>(new MonitoringDatabase(_options), "PRAGMA user_version"));
    }

    [Fact]
    public async Task ANewDatabase_IsCreatedClustered_AtTheCurrentVersion()
    {
        var database = new MonitoringDatabase(_options);
        Assert.Contains("WITHOUT ROWID", await ScalarAsync<string>(database, "SELECT sql FROM sqlite_master WHERE name = 'samples'"), StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync<long>(database, "PRAGMA user_version"));
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'samples' AND sql IS NOT NULL"));
    }

    public void Dispose() => _temp.Dispose();

    private void WriteFormerDatabase()
    {
        var ms = (DateTimeOffset at) => at.ToUnixTimeMilliseconds();
        var old = Hour.AddHours(-2);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_temp.Path, "monitoring.db"), Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = FormerLayout + $"""
            INSERT INTO series (id, device_id, point, unit) VALUES (1, 'env-1', 'temperature', '°C');
            INSERT INTO samples (series_id, ts, value) VALUES (1, {ms(Hour.AddSeconds(10))}, 10), (1, {ms(Hour.AddSeconds(40))}, 20), (1, {ms(Hour.AddSeconds(70))}, 30);
            INSERT INTO rollup_minute VALUES (1, {ms(old)}, 0, 2, 6, 6), (1, {ms(Hour)}, 10, 20, 30, 2);
            INSERT INTO rollup_hour VALUES (1, {ms(old)}, 0, 2, 6, 6), (1, {ms(Hour)}, 10, 20, 30, 2);
            INSERT INTO rollup_state VALUES ('minute', {ms(Hour.AddMinutes(1))});
            """;
        command.ExecuteNonQuery();
    }

    private static async Task<T> ScalarAsync<T>(MonitoringDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
