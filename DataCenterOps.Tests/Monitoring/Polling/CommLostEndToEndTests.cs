using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Simulation;

namespace DataCenterOps.Tests.Monitoring.Polling;

public sealed class CommLostEndToEndTests
{
    [Fact]
    public async Task ASilentDevice_IsCommLostAfterThreeMissedPolls_RecoversByItself_WhileTheOthersKeepTheirCadence()
    {
        await using var host = await SimulatedRoomHost.StartAsync();
        await host.WaitAllUpAsync();
        DeviceStatus? whenLost = null;
        using var feed = host.LiveState.Subscribe(change =>
        {
            if (change.Device.DeviceId == "ups-1" && change.Device.Status.IsCommLost && whenLost is null)
            {
                whenLost = change.Device.Status;
            }
        });
        var before = host.LiveState.GetDevices().ToDictionary(d => d.DeviceId, d => d.Status);

        host.Simulator.Start(SimulatorScenarios.DeviceSilent, "ups-1");
        await Eventually.TrueAsync(() => host.Alarms.GetActive().Any(a => a is { DeviceId: "ups-1", Key: AlarmKeys.CommLost }), "comm_lost raised for ups-1");

        // Lost on exactly the third missed poll in a row.
        Assert.NotNull(whenLost);
        Assert.Equal(3, whenLost.ConsecutiveMisses);
        var silent = host.LiveState.GetDevice("ups-1")!;
        Assert.All(silent.Points, p => Assert.Equal(PointQuality.Stale, p.Quality));
        Assert.False(silent.Status.IsUp);

        // Let the outage run for a few more polls, then compare the others' cadence with the silent device's attempts.
        await Eventually.TrueAsync(() => host.LiveState.GetDevice("ups-1")!.Status.ConsecutiveMisses >= 8, "eight missed polls");
        host.Simulator.Stop(SimulatorScenarios.DeviceSilent, "ups-1");
        var during = host.LiveState.GetDevices().ToDictionary(d => d.DeviceId, d => d.Status);
        var attempts = during["ups-1"].FailedPolls - before["ups-1"].FailedPolls;
        foreach (var id in SimulatedRoomHost.DeviceIds.Where(id => id != "ups-1"))
        {
            Assert.Equal(before[id].FailedPolls, during[id].FailedPolls);
            Assert.True(
                during[id].SuccessfulPolls - before[id].SuccessfulPolls >= attempts / 2,
                $"{id}: {during[id].SuccessfulPolls - before[id].SuccessfulPolls} successful polls while ups-1 missed {attempts}");
        }

        await Eventually.TrueAsync(() => host.LiveState.GetDevice("ups-1")!.Status.IsUp, "ups-1 answers again");
        await Eventually.TrueAsync(() => !host.Alarms.GetActive().Any(a => a is { DeviceId: "ups-1", Key: AlarmKeys.CommLost }), "comm_lost cleared");
        Assert.All(host.LiveState.GetDevice("ups-1")!.Points, p => Assert.NotEqual(PointQuality.Stale, p.Quality));
    }
}
