using System.Globalization;
using DataCenterOps.Monitoring.Simulation;

namespace DataCenterOps.Tests.Monitoring.Simulation;

/// <summary>
/// Network UPS Tools (Debian's nut-snmp driver snmp-ups, upsd and upsc) recognises the simulated UPS: it picks the
/// RFC 1628 (ietf) mapping by itself, shows manufacturer and model, reads the values the room holds (the same values
/// our poller decodes through the ups-rfc1628 profile) and follows ups.status through a power failure: OL, then OB,
/// then OB LB while the genset fails to start.
/// </summary>
public sealed class NetworkUpsToolsTests : IAsyncLifetime
{
    private SimulatorHostFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorHostFixture.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Theory]
    [InlineData("ietf")]
    [InlineData("auto")]
    public async Task SnmpUpsDriver_RecognisesTheSimulatedUps_AndReadsTheRoomsValues(string mibs)
    {
        var nut = await NutPeer.ReadOnceAsync(_sim.Listeners.Snmp.Port, "ups-1", mibs);

        Assert.StartsWith("ietf MIB", nut["driver.version.data"], StringComparison.Ordinal);
        Assert.Equal(UpsMib.Manufacturer, nut["ups.mfr"]);
        Assert.Equal(UpsMib.Model, nut["ups.model"]);
        Assert.Equal("OL", nut["ups.status"]);
        AssertSameValues(nut, "ups-1");
    }

    [Fact]
    public async Task Upsc_FollowsTheStatus_OnLineThenOnBatteryThenLowBattery_WhenTheGensetFailsToStart()
    {
        await using var nut = await NutPeer.StartAsync(_sim.Listeners.Snmp.Port, "ups-2");
        var online = await nut.WaitForAsync("ups.status", s => s == "OL", "ups.status OL");
        Assert.Equal(UpsMib.Manufacturer, online["ups.mfr"]);
        Assert.Equal(UpsMib.Model, online["ups.model"]);

        _sim.Room.Start(SimulatorScenarios.GensetFailToStart);
        _sim.Advance(TimeSpan.FromSeconds(30));
        var onBattery = await nut.WaitForAsync("ups.status", s => s == "OB", "ups.status OB");
        Assert.Equal(5, _sim.Room.GetValue("ups-2", "output.source"));
        Assert.Equal(0, NutPeer.Number(onBattery, "input.voltage"));

        // The battery drains ten times faster than real time: low within a few simulated minutes, still on battery.
        while (_sim.Room.GetState("ups-2", "battery.status") != "low")
        {
            _sim.Advance(TimeSpan.FromSeconds(5));
        }

        await nut.WaitForAsync("ups.status", s => Flags(s).SetEquals(["OB", "LB"]), "ups.status OB LB");
        var charge = _sim.Room.GetValue("ups-2", "battery.charge");
        var low = await nut.WaitForAsync("battery.charge", v => double.Parse(v, CultureInfo.InvariantCulture) == charge, $"battery.charge {charge}");
        Assert.True(Flags(low["ups.status"]).SetEquals(["OB", "LB"]), low["ups.status"]);
        AssertSameValues(low, "ups-2");
    }

    // NUT writes the flags in the order it read them (upsBatteryStatus before upsOutputSource: "LB OB").
    private static HashSet<string> Flags(string status) => [.. status.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    private void AssertSameValues(IReadOnlyDictionary<string, string> nut, string device)
    {
        Assert.Equal(_sim.Room.GetValue(device, "battery.charge"), NutPeer.Number(nut, "battery.charge"), 9);
        Assert.Equal(_sim.Room.GetValue(device, "battery.minutes_remaining") * 60, NutPeer.Number(nut, "battery.runtime"), 9);
        Assert.Equal(_sim.Room.GetValue(device, "battery.voltage"), NutPeer.Number(nut, "battery.voltage"), 9);
        Assert.Equal(_sim.Room.GetValue(device, "battery.temperature"), NutPeer.Number(nut, "battery.temperature"), 9);
        Assert.Equal(_sim.Room.GetValue(device, "input.voltage"), NutPeer.Number(nut, "input.voltage"), 9);
        Assert.Equal(_sim.Room.GetValue(device, "input.frequency"), NutPeer.Number(nut, "input.frequency"), 9);
        Assert.Equal(_sim.Room.GetValue(device, "output.voltage"), NutPeer.Number(nut, "output.voltage"), 9);
        Assert.Equal(_sim.Room.GetValue(device, "output.frequency"), NutPeer.Number(nut, "output.frequency"), 9);
        Assert.Equal(_sim.Room.GetValue(device, "output.load"), NutPeer.Number(nut, "ups.load"), 9);
    }
}
