using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Simulation;

namespace DataCenterOps.Tests.Monitoring.Polling;

public sealed class MainsFailureEndToEndTests
{
    [Fact]
    public async Task MainsFailure_GivesOnBatteryAndMainsFailedThenGensetRunning_AndEverythingClearsWhenMainsReturns()
    {
        await using var host = await SimulatedRoomHost.StartAsync();
        await host.WaitAllUpAsync();
        var order = 0;
        int onBattery = 0, mainsFailed = 0, gensetRunning = 0;
        void Mark(ref int slot)
        {
            if (slot == 0)
            {
                slot = Interlocked.Increment(ref order);
            }
        }

        var raised = new System.Collections.Concurrent.ConcurrentQueue<AlarmChange>();
        using var alarmFeed = host.Alarms.Subscribe(change => raised.Enqueue(change));
        using var liveFeed = host.LiveState.Subscribe(change =>
        {
            var device = change.Device;
            if (device.DeviceId == "ups-1" && device.LiveValue("output.source") == 5)
            {
                Mark(ref onBattery);
            }
            else if (device.DeviceId == "genset-1")
            {
                if (device.LiveValue("alarm.mains_failed") >= 2 || device.LiveValue("mains.voltage.l1") < 180)
                {
                    Mark(ref mainsFailed);
                }

                if (device.Find("engine.state") is { IsLive: true, Text: "running" })
                {
                    Mark(ref gensetRunning);
                }
            }
        });

        host.Simulator.Start(SimulatorScenarios.MainsFailure);
        await Eventually.TrueAsync(() => Volatile.Read(ref gensetRunning) > 0, "genset running");

        // The UPS goes to battery and the controller sees mains fail in the same simulator tick; the genset runs seconds later.
        Assert.InRange(onBattery, 1, gensetRunning - 1);
        Assert.InRange(mainsFailed, 1, gensetRunning - 1);
        Assert.Contains(raised, c => c.Event.Kind == AlarmEventKind.Raised && c.Alarm is { DeviceId: "ups-1", Key: AlarmKeys.UpsOnBattery, Severity: AlarmSeverity.Critical });
        Assert.Contains(raised, c => c.Event.Kind == AlarmEventKind.Raised && c.Alarm is { DeviceId: "ups-2", Key: AlarmKeys.UpsOnBattery });
        Assert.Contains(raised, c => c.Event.Kind == AlarmEventKind.Raised && c.Alarm is { DeviceId: "genset-1", Key: AlarmKeys.MainsFailed, Severity: AlarmSeverity.Critical });
        var raisedOnBattery = raised.First(c => c.Alarm is { DeviceId: "ups-1", Key: AlarmKeys.UpsOnBattery }).Alarm;

        host.Simulator.Stop(SimulatorScenarios.MainsFailure);
        await Eventually.TrueAsync(
            () => !host.Alarms.GetActive().Any(a => a.Key is AlarmKeys.UpsOnBattery or AlarmKeys.MainsFailed),
            "on-battery and mains-failed alarms cleared");
        await Eventually.TrueAsync(
            () => host.LiveState.GetDevice("ups-1")!.LiveValue("output.source") == 3 && host.LiveState.GetDevice("genset-1")!.LiveValue("mains.voltage.l1") > 200,
            "UPS back on mains");

        await Eventually.TrueAsync(() => host.Alarms.GetActive().Count == 0, "no alarm left active");
        var history = await host.Alarms.GetHistoryAsync(new AlarmHistoryFilter("ups-1", AlarmKeys.UpsOnBattery), CancellationToken.None);
        Assert.Contains(history, a => a.Id == raisedOnBattery.Id && a.IsCleared);
    }
}
