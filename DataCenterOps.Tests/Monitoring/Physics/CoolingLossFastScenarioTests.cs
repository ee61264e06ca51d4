using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Tests.Monitoring.Alarms;
using DataCenterOps.Tests.Monitoring.Devices;
using DataCenterOps.Tests.Monitoring.Simulation;

namespace DataCenterOps.Tests.Monitoring.Physics;

/// <summary>
/// The simulator's <c>cooling-loss-fast</c> scenario end to end on fake clocks: the hosted simulator on real loopback
/// sockets, read every 5 s by the poller's SNMP reader, through live state into the alarm evaluator and service.
/// </summary>
public sealed class CoolingLossFastScenarioTests : IAsyncLifetime
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);
    private SimulatorHostFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorHostFixture.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task CoolingLossFast_RaisesTheRateWarning_WhileTheCracsCyclingNormallyDoesNot()
    {
        var device = TestDevices.Environment();
        device.Port = _sim.Listeners.Snmp.Port;
        device.TimeoutSeconds = 10;
        await using var harness = new AlarmHarness(device);
        await harness.StartAsync();
        await using var client = new SnmpClient();
        var reader = new SnmpDeviceReader(client, RoomHarness.Catalog);

        await PollAsync(harness, reader, device, TimeSpan.FromMinutes(16));
        Assert.Null(harness.Active("env-1", AlarmKeys.TemperatureRateOfChange));

        _sim.Room.Start(SimulatorScenarios.CoolingLossFast);
        await PollAsync(harness, reader, device, TimeSpan.FromMinutes(12));

        var alarm = harness.Active("env-1", AlarmKeys.TemperatureRateOfChange);
        Assert.NotNull(alarm);
        Assert.Equal(AlarmSeverity.Warning, alarm.Severity);
        Assert.InRange(double.Parse(alarm.MessageArguments![0], System.Globalization.CultureInfo.InvariantCulture), 20, 80);
        Assert.Equal(0, _sim.Room.GetValue("crac-1", "unit.on"));
        Assert.Equal(0, _sim.Room.GetValue("crac-2", "unit.on"));
    }

    private async Task PollAsync(AlarmHarness harness, SnmpDeviceReader reader, DeviceOptions device, TimeSpan duration)
    {
        for (var t = TimeSpan.Zero; t < duration; t += PollEvery)
        {
            _sim.Advance(PollEvery);
            var result = await reader.ReadAsync(device, CancellationToken.None);
            Assert.True(result.Points.Count > 0, "env-1 answered");
            harness.Poll("env-1", PollEvery, [.. result.Points]);
        }
    }
}
