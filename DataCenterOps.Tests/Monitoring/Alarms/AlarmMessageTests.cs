using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Tests.Monitoring.Devices;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Monitoring.Alarms;

/// <summary>Alarms with values carry a message key and its arguments (for the reader's language); the English message stays.</summary>
public sealed class AlarmMessageTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AThresholdAlarm_CarriesItsMessageKeyAndValues_AndKeepsThemAcrossARestart()
    {
        var device = TestDevices.Environment();
        device.Thresholds["temperature"] = new ThresholdOptions { HighWarning = 27, OnDelaySeconds = 0 };
        await using var first = new AlarmHarness(device);
        await first.StartAsync();

        first.Poll("env-1", Second, TestDevices.Good("temperature", 28.5, "°C"));
        var raised = first.Active("env-1", AlarmKeys.ThresholdHigh("temperature"))!;

        Assert.Equal(AlarmMessageKeys.ThresholdHigh, raised.MessageKey);
        Assert.Equal(["temperature", "28.5", "°C", "27"], raised.MessageArguments);
        Assert.StartsWith("temperature 28.5", raised.Message, StringComparison.Ordinal);

        await first.Alarms.GetHistoryAsync(new AlarmHistoryFilter(), CancellationToken.None); // the store has written it
        var second = new AlarmService(new AlarmStore(first.Database), first.Time, [], NullLogger<AlarmService>.Instance);
        await second.LoadAsync(CancellationToken.None);
        var loaded = Assert.Single(second.GetActive());
        Assert.Equal(raised.MessageKey, loaded.MessageKey);
        Assert.Equal(raised.MessageArguments, loaded.MessageArguments);
    }

    [Fact]
    public async Task AFixedAlarm_HasNoMessageKey_ItsAlarmKeyNamesItsText()
    {
        await using var harness = new AlarmHarness(TestDevices.Environment());
        await harness.StartAsync();

        harness.Poll("env-1", Second, TestDevices.Good("leak", 1));

        var leak = harness.Active("env-1", AlarmKeys.WaterLeak)!;
        Assert.Null(leak.MessageKey);
        Assert.Equal("Water leak detected", leak.Message);
    }

    [Fact]
    public async Task AnAlarmsTableFromBeforeMessageKeys_GainsTheColumns_AndItsRowsStillLoad()
    {
        using var temp = new TempDirectory();
        var options = Options.Create(new MonitoringOptions { Devices = [TestDevices.Environment()], DataDirectory = temp.Path });
        var database = new MonitoringDatabase(options);
        await using (var old = new SqliteConnection(database.ConnectionString))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE alarms (id TEXT PRIMARY KEY, device_id TEXT NOT NULL, alarm_key TEXT NOT NULL, severity TEXT NOT NULL,
                    message TEXT NOT NULL, raised_at INTEGER NOT NULL, acknowledged_by TEXT, acknowledged_at INTEGER, ack_comment TEXT, cleared_at INTEGER);
                INSERT INTO alarms VALUES ('0197a3b0-0000-7000-8000-000000000001', 'env-1', 'water_leak', 'Critical', 'Water leak detected', 0, NULL, NULL, NULL, NULL);
                """;
            await create.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var service = new AlarmService(new AlarmStore(database), TimeProvider.System, [], NullLogger<AlarmService>.Instance);
        await service.LoadAsync(CancellationToken.None);

        var alarm = Assert.Single(service.GetActive());
        Assert.Equal("Water leak detected", alarm.Message);
        Assert.Null(alarm.MessageKey);
        Assert.Null(alarm.MessageArguments);
    }
}
