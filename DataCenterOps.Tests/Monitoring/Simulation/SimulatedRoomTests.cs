using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Tests.Monitoring.Profiles;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Simulation;

public sealed class SimulatedRoomTests
{
    [Fact]
    public void DefaultRoom_HasTheDocumentedDevicesAndAddresses()
    {
        var room = new RoomHarness().Room;

        Assert.Equal(
            [
                ("ups-1", "ups-rfc1628", "ups-1", (byte?)null), ("ups-2", "ups-rfc1628", "ups-2", null),
                ("env-1", "env-snmp", "env-1", null), ("genset-1", "genset-dse-gencomm", null, 1),
                ("crac-1", "crac-modbus", null, 2), ("crac-2", "crac-modbus", null, 3),
                ("fire-1", "fire-panel-modbus", null, 4), ("env-2", "env-modbus", null, 5),
                ("meter-utility", "meter-eastron-sdm630", null, 6), ("pdu-a01", "pdu-apc-rpdu2", "pdu-a01", null),
                ("pdu-a02", "pdu-apc-rpdu2", "pdu-a02", null),
            ],
            room.Devices.Select(d => (d.Id, d.Profile, d.Community, d.UnitId)));
    }

    [Fact]
    public void QuietRoom_IsNormalEverywhere()
    {
        var h = new RoomHarness();
        h.Run(30);

        Assert.Equal("normal", h.State("ups-1", "output.source"));
        Assert.Equal("normal", h.State("ups-2", "battery.status"));
        Assert.Equal(100, h["ups-1", "battery.charge"]);
        Assert.Equal(0, h["ups-1", "battery.seconds_on_battery"]);
        Assert.InRange(h["ups-1", "input.voltage"], 215, 225);
        Assert.InRange(h["ups-1", "output.load"], 25, 55);
        Assert.Equal("stopped", h.State("genset-1", "engine.state"));
        Assert.Equal("auto", h.State("genset-1", "control.mode"));
        Assert.Equal("inactive", h.State("genset-1", "alarm.mains_failed"));
        Assert.InRange(h["genset-1", "mains.voltage.l1"], 215, 225);
        Assert.Equal(0, h["genset-1", "generator.voltage.l1"]);
        Assert.Equal("on", h.State("crac-1", "unit.on"));
        Assert.Equal("normal", h.State("crac-1", "alarm.general"));
        Assert.Equal("Normal", h.State("fire-1", "panel.state"));
        Assert.Equal("normal", h.State("fire-1", "agent.low_pressure"));
        Assert.Equal("closed", h.State("env-1", "door"));
        Assert.Equal("dry", h.State("env-2", "leak"));
        Assert.InRange(h["env-1", "temperature"], 18, 27);
        Assert.InRange(h["env-2", "humidity"], 30, 60);
    }

    [Fact]
    public void EveryProfilePoint_HasAValue_HeldAsTheWireCarriesIt()
    {
        var h = new RoomHarness();
        h.Run(5);

        foreach (var device in h.Room.Devices)
        {
            foreach (var point in RoomHarness.Catalog.Get(device.Profile).Points)
            {
                var value = h[device.Id, point.Name];
                Assert.Equal(point.Quantize(value), value);
                var (min, max) = point.RawRange();
                Assert.InRange(point.ToRaw(value), min, max);
            }
        }
    }

    [Fact]
    public void Day_InTheRoom_StaysInsideTheRecommendedEnvelope_WhileCracsCycle()
    {
        var h = new RoomHarness();
        var compressorStarts = 0;
        var wasOn = h["crac-2", "compressor.on"];
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            h.Jump(TimeSpan.FromMinutes(1));
            Assert.InRange(h["env-1", "temperature"], 18, 27);
            Assert.InRange(h["env-2", "humidity"], 20, 60);
            var on = h["crac-2", "compressor.on"];
            compressorStarts += on > wasOn ? 1 : 0;
            wasOn = on;
        }

        Assert.True(compressorStarts > 5, $"crac-2 compressor started {compressorStarts} times in a day");
    }

    [Fact]
    public void Scenarios_ListEveryFixedName_WithWhatIsActive()
    {
        var h = new RoomHarness();
        h.Room.Start(SimulatorScenarios.DoorOpen);
        h.Room.Start(SimulatorScenarios.DoorOpen); // idempotent

        var scenarios = h.Room.Scenarios;

        Assert.Equal(
            ["mains-failure", "genset-fail-to-start", "crac-failure", "cooling-loss-fast", "fire-prealarm", "fire-alarm", "agent-released", "water-leak", "door-open", "device-silent", "device-garbage"],
            scenarios.Select(s => s.Name));
        var door = scenarios.Single(s => s.Name == "door-open");
        Assert.True(door.IsActive);
        Assert.Equal(["env-1"], door.ActiveOn);
        Assert.Equal(ScenarioDeviceUse.Required, scenarios.Single(s => s.Name == "device-silent").DeviceUse);
        Assert.Single(h.Room.ActiveScenarios);
    }

    [Theory]
    [InlineData("earthquake", null, SimulatorError.UnknownScenario)]
    [InlineData("door-open", "ups-9", SimulatorError.UnknownDevice)]
    [InlineData("door-open", "ups-1", SimulatorError.DeviceNotAllowed)]
    [InlineData("mains-failure", "ups-1", SimulatorError.DeviceNotAllowed)]
    [InlineData("device-silent", null, SimulatorError.DeviceRequired)]
    public void Start_RefusesWhatItCannotDo_WithATypedError(string scenario, string? device, SimulatorError expected)
    {
        var h = new RoomHarness();

        var ex = Assert.Throws<SimulatorException>(() => h.Room.Start(scenario, device));

        Assert.Equal(expected, ex.Error);
        Assert.Empty(h.Room.ActiveScenarios);
    }

    [Fact]
    public void GetValue_OfAnUnknownPoint_IsATypedError()
    {
        var h = new RoomHarness();

        Assert.Equal(SimulatorError.UnknownPoint, Assert.Throws<SimulatorException>(() => h.Room.GetValue("ups-1", "nonesuch")).Error);
        Assert.Equal(SimulatorError.UnknownDevice, Assert.Throws<SimulatorException>(() => h.Room.GetValue("ups-9", "battery.charge")).Error);
    }

    [Fact]
    public void Reset_StopsEverything_AndQuietensTheRoom()
    {
        var h = new RoomHarness();
        h.Room.Start(SimulatorScenarios.MainsFailure);
        h.Room.Start(SimulatorScenarios.FireAlarm);
        h.Room.Start(SimulatorScenarios.DeviceSilent, "env-1");
        h.Run(20);

        h.Room.Reset();

        Assert.Empty(h.Room.ActiveScenarios);
        Assert.Equal("normal", h.State("ups-1", "output.source"));
        Assert.Equal(100, h["ups-1", "battery.charge"]);
        Assert.Equal("stopped", h.State("genset-1", "engine.state"));
        Assert.Equal("Normal", h.State("fire-1", "panel.state"));
        Assert.Equal(SimulatedFault.None, h.Room.GetFault("env-1"));
    }

    [Fact]
    public void ConfiguredDevices_ReplaceTheDefaultRoom()
    {
        var options = new SimulatorOptions
        {
            Devices =
            [
                new() { Id = "ups-a", Profile = "ups-rfc1628" },
                new() { Id = "gen-a", Profile = "genset-dse-gencomm", UnitId = 7 },
            ],
        };

        var room = new RoomHarness(options).Room;

        Assert.Equal([("ups-a", "ups-a", (byte?)null), ("gen-a", null, 7)], room.Devices.Select(d => (d.Id, d.Community, d.UnitId)));
        Assert.NotNull(room.SnmpData.Resolve("ups-a"));
        Assert.NotNull(room.ModbusData.Resolve(7));
        Assert.Null(room.ModbusData.Resolve(1));
    }

    [Theory]
    [InlineData("ups-a", "ups-nonesuch", null, null, "unknown profile")]
    [InlineData("ups-a", "ups-rfc1628", null, 3, "not a UnitId")]
    [InlineData("gen-a", "genset-dse-gencomm", null, null, "needs a UnitId")]
    [InlineData("gen-a", "genset-dse-gencomm", "public", 1, "not a Community")]
    [InlineData("ups-1", "ups-rfc1628", null, null, "used twice")]
    public void BrokenDeviceConfiguration_IsRefused_WithTheDeviceNamed(string id, string profile, string? community, int? unitId, string expected)
    {
        var options = new SimulatorOptions
        {
            Devices = [new() { Id = "ups-1", Profile = "ups-rfc1628" }, new() { Id = id, Profile = profile, Community = community, UnitId = unitId }],
        };

        var problems = SimulatorDeviceLayout.Check(options, RoomHarness.Catalog);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal) && p.Contains(id, StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => new RoomHarness(options));
    }

    [Fact]
    public void SiteProfileWithFewerPoints_IsStillSimulated()
    {
        using var dir = new TempDirectory();
        dir.Write("env-snmp.json", """
            { "name": "env-snmp", "protocol": "Snmp", "kind": "Environment",
              "points": [ { "name": "temperature", "oid": "1.3.6.1.4.1.99.1.0", "type": "Integer", "scale": 0.1 } ] }
            """);
        var h = new RoomHarness(catalog: ProfileCatalog.Load(dir.Path));

        h.Room.Start(SimulatorScenarios.DoorOpen, "env-1");
        h.Run(5);

        Assert.InRange(h["env-1", "temperature"], 18, 27);
        Assert.Equal(SimulatorError.UnknownPoint, Assert.Throws<SimulatorException>(() => h.Room.GetValue("env-1", "door")).Error);
    }
}
