using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Tests.Monitoring.Polling;

namespace DataCenterOps.Tests.Monitoring.Traps;

/// <summary>The simulated UPSs send RFC 1628 traps on a mains failure to the app's own receiver, from their configured Host.</summary>
public sealed class SimulatorTrapTests
{
    [Fact]
    public async Task MainsFailure_SendsUpsTrapOnBatteryAndAlarmEntryAdded_FromEachUps_AttributedToThatUps()
    {
        await using var host = await TrapHost.StartAsync(600);
        await host.WaitAllUpAsync();

        host.Simulator.Start(SimulatorScenarios.MainsFailure);

        await Eventually.TrueAsync(() => host.TrapLog.GetRecent().Count(e => e.TrapName == "upsTrapOnBattery") == 2, "upsTrapOnBattery from both UPSs");
        var onBattery = host.TrapLog.GetRecent().Where(e => e.TrapName == "upsTrapOnBattery").ToList();
        Assert.Equal(["ups-1", "ups-2"], onBattery.Select(e => e.DeviceId).Order(StringComparer.Ordinal));
        Assert.All(onBattery, e =>
        {
            Assert.Equal(SnmpVersion.V2c, e.Version);
            Assert.Contains("1.3.6.1.2.1.33.1.2.3.0 = ", e.Varbinds, StringComparison.Ordinal); // upsEstimatedMinutesRemaining
            Assert.Contains("1.3.6.1.2.1.33.1.2.2.0 = ", e.Varbinds, StringComparison.Ordinal); // upsSecondsOnBattery
            Assert.Contains("1.3.6.1.2.1.33.1.9.7.0 = 5", e.Varbinds, StringComparison.Ordinal); // upsConfigLowBattTime
        });
        await Eventually.TrueAsync(() => host.TrapLog.GetRecent().Count(e => e.TrapName == "upsTrapAlarmEntryAdded") == 2, "alarm entry added from both UPSs");

        // The genset takes the load after about 10 s: the UPSs leave battery and say so.
        await Eventually.TrueAsync(() => host.TrapLog.GetRecent().Count(e => e.TrapName == "upsTrapAlarmEntryRemoved") == 2, "alarm entry removed from both UPSs");
        Assert.DoesNotContain(host.TrapLog.GetRecent(), e => e.IsUnknownSender);
        Assert.True(host.PollRequests.Requested >= 6);
    }
}
