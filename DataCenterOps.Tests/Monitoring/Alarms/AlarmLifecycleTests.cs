using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Tests.Monitoring.Devices;

namespace DataCenterOps.Tests.Monitoring.Alarms;

public sealed class AlarmLifecycleTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task WaterLeak_IsRaisedAcknowledgedAndCleared_WithEveryStepAudited()
    {
        await using var harness = new AlarmHarness(TestDevices.Environment());
        await harness.StartAsync();
        var changes = new List<AlarmChange>();
        using var subscription = harness.Alarms.Subscribe(changes.Add);

        harness.Poll("env-1", Second, TestDevices.Good("leak", 1));
        var raised = harness.Active("env-1", AlarmKeys.WaterLeak)!;
        Assert.Equal(AlarmSeverity.Critical, raised.Severity);

        harness.Time.Advance(Second);
        var acknowledged = await harness.Alarms.AcknowledgeAsync(raised.Id, "rina", "  checking under floor tile B4 ", CancellationToken.None);
        Assert.Equal("rina", acknowledged.AcknowledgedBy);
        Assert.Equal("checking under floor tile B4", acknowledged.AcknowledgeComment);
        Assert.Equal(harness.Time.GetUtcNow(), acknowledged.AcknowledgedAt);
        Assert.True(harness.Active("env-1", AlarmKeys.WaterLeak)!.IsAcknowledged);

        harness.Poll("env-1", Second, TestDevices.Good("leak", 0));
        Assert.Null(harness.Active("env-1", AlarmKeys.WaterLeak));

        var stored = Assert.Single(await harness.Alarms.GetHistoryAsync(new AlarmHistoryFilter(Key: AlarmKeys.WaterLeak), CancellationToken.None));
        Assert.Equal(raised.Id, stored.Id);
        Assert.Equal("rina", stored.AcknowledgedBy);
        Assert.Equal(harness.Time.GetUtcNow(), stored.ClearedAt);

        var events = await harness.Alarms.GetEventsAsync(raised.Id, CancellationToken.None);
        Assert.Equal(
            [(AlarmEventKind.Raised, "system"), (AlarmEventKind.Acknowledged, "rina"), (AlarmEventKind.Cleared, "system")],
            events.Select(e => (e.Kind, e.Actor)));
        Assert.Equal(events, harness.Audit.Events);
        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.Acknowledged, AlarmEventKind.Cleared], changes.Select(c => c.Event.Kind));
    }

    [Fact]
    public async Task Acknowledge_IsRefused_WhenTheAlarmHasCleared()
    {
        await using var harness = new AlarmHarness(TestDevices.Environment());
        await harness.StartAsync();
        harness.Poll("env-1", Second, TestDevices.Good("door", 1));
        var door = harness.Active("env-1", AlarmKeys.DoorOpen)!;
        harness.Poll("env-1", Second, TestDevices.Good("door", 0));

        var error = await Assert.ThrowsAsync<AlarmOperationException>(() => harness.Alarms.AcknowledgeAsync(door.Id, "rina", null, CancellationToken.None));
        Assert.Contains("not active", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_IsRefused_WhenAlreadyAcknowledged()
    {
        await using var harness = new AlarmHarness(TestDevices.Environment());
        await harness.StartAsync();
        harness.Poll("env-1", Second, TestDevices.Good("door", 1));
        var door = harness.Active("env-1", AlarmKeys.DoorOpen)!;
        await harness.Alarms.AcknowledgeAsync(door.Id, "rina", null, CancellationToken.None);

        await Assert.ThrowsAsync<AlarmOperationException>(() => harness.Alarms.AcknowledgeAsync(door.Id, "budi", null, CancellationToken.None));
    }

    [Fact]
    public async Task CommLost_IsRaisedAfterThreeMisses_KeepsOtherAlarms_AndClearsWhenTheDeviceAnswers()
    {
        await using var harness = new AlarmHarness(TestDevices.Ups());
        await harness.StartAsync();
        harness.Poll("ups-1", Second, TestDevices.Good("output.source", 5), TestDevices.Good("battery.status", 2));
        Assert.NotNull(harness.Active("ups-1", AlarmKeys.UpsOnBattery));

        harness.Miss("ups-1", 5 * Second);
        harness.Miss("ups-1", 5 * Second);
        Assert.Null(harness.Active("ups-1", AlarmKeys.CommLost));
        harness.Miss("ups-1", 5 * Second);
        Assert.Equal(AlarmSeverity.Critical, harness.Active("ups-1", AlarmKeys.CommLost)!.Severity);
        Assert.NotNull(harness.Active("ups-1", AlarmKeys.UpsOnBattery));
        Assert.All(harness.LiveState.GetDevice("ups-1")!.Points, p => Assert.Equal(DataCenterOps.Monitoring.Devices.PointQuality.Stale, p.Quality));

        harness.Poll("ups-1", 5 * Second, TestDevices.Good("output.source", 3), TestDevices.Good("battery.status", 2));
        Assert.Null(harness.Active("ups-1", AlarmKeys.CommLost));
        Assert.Null(harness.Active("ups-1", AlarmKeys.UpsOnBattery));
    }

    [Fact]
    public async Task OpenAlarms_SurviveARestart_AndClearWhenTheConditionHasGone()
    {
        var device = TestDevices.Environment();
        await using var first = new AlarmHarness(device);
        await first.StartAsync();
        first.Poll("env-1", Second, TestDevices.Good("leak", 1));
        var leak = first.Active("env-1", AlarmKeys.WaterLeak)!;
        await first.Alarms.GetHistoryAsync(new AlarmHistoryFilter(), CancellationToken.None);

        var second = new AlarmService(new AlarmStore(first.Database), first.Time, [], Microsoft.Extensions.Logging.Abstractions.NullLogger<AlarmService>.Instance);
        await second.LoadAsync(CancellationToken.None);

        Assert.Equal(leak.Id, Assert.Single(second.GetActive()).Id);
        second.Apply("env-1", [AlarmCondition.Inactive(AlarmKeys.WaterLeak)], complete: true);
        Assert.Empty(second.GetActive());
    }
}
