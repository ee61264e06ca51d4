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
    public void MainsFailure_UpsGoesToBattery_GensetStartsAndTakesTheLoad_ThenAllReturnsWhenMainsComes()
    {
        var h = new RoomHarness();
        h.Run(5);

        h.Room.Start(SimulatorScenarios.MainsFailure);

        Assert.Equal("battery", h.State("ups-1", "output.source"));
        Assert.Equal("battery", h.State("ups-2", "output.source"));
        Assert.Equal("normal", h.State("ups-1", "battery.status"));
        Assert.Equal(0, h["ups-1", "input.voltage"]);
        Assert.Equal(0, h["genset-1", "mains.voltage.l1"]);
        Assert.Equal("warning", h.State("genset-1", "alarm.mains_failed"));
        Assert.Equal(1, h["ups-1", "alarms.present"]);

        var states = new List<string?> { h.State("genset-1", "engine.state") };
        var runningAfter = -1;
        for (var second = 1; second <= 12; second++)
        {
            h.Run(1);
            var state = h.State("genset-1", "engine.state");
            if (state != states[^1])
            {
                states.Add(state);
            }

            if (state == "running" && runningAfter < 0)
            {
                runningAfter = second;
            }

            if (second == 5)
            {
                Assert.Equal("battery", h.State("ups-1", "output.source"));
                Assert.Equal(5, h["ups-1", "battery.seconds_on_battery"]);
            }
        }

        Assert.Equal(["stopped", "pre_start", "warming_up", "running"], states);
        Assert.InRange(runningAfter, 1, 10);
        Assert.Equal("normal", h.State("ups-1", "output.source"));
        Assert.Equal(0, h["ups-1", "battery.seconds_on_battery"]);
        var chargeAfterOutage = h["ups-1", "battery.charge"];
        Assert.True(chargeAfterOutage < 100, "the battery gave some charge");
        Assert.InRange(h["ups-1", "input.voltage"], 225, 235);
        Assert.InRange(h["genset-1", "generator.voltage.l1"], 225, 235);
        Assert.Equal(50, h["genset-1", "generator.frequency"], 0.5);
        Assert.InRange(h["genset-1", "engine.speed"], 1490, 1510);
        Assert.True(h["genset-1", "generator.load"] > 0);
        Assert.Equal(0, h["genset-1", "mains.voltage.l1"]);
        Assert.Equal(1, h["ups-1", "input.line_bads"]);

        h.Run(60);
        h.Room.Stop(SimulatorScenarios.MainsFailure);

        Assert.Equal("inactive", h.State("genset-1", "alarm.mains_failed"));
        Assert.InRange(h["genset-1", "mains.voltage.l1"], 215, 225);
        Assert.Equal("running", h.State("genset-1", "engine.state"));
        h.Run(GensetModel.MainsReturnDelay + 1);
        Assert.Equal("cooling_down", h.State("genset-1", "engine.state"));
        Assert.Equal(0, h["genset-1", "generator.load"]);
        h.Run(GensetModel.CoolDownTime);
        Assert.Equal("stopped", h.State("genset-1", "engine.state"));
        Assert.Equal(0, h["genset-1", "engine.speed"]);
        Assert.Equal(0, h["genset-1", "generator.voltage.l1"]);
        Assert.Equal("normal", h.State("ups-1", "output.source"));
        Assert.Equal(0, h["ups-1", "alarms.present"]);
        h.Jump(TimeSpan.FromMinutes(30));
        Assert.True(h["ups-1", "battery.charge"] > chargeAfterOutage, "the UPS recharges");
        Assert.Empty(h.Room.ActiveScenarios);
    }

    [Fact]
    public void MainsFailure_WithoutTransfer_DrainsTheBattery_AndRuntimeFalls()
    {
        var h = new RoomHarness();
        h.Room.Start(SimulatorScenarios.DeviceSilent, "genset-1"); // silence does not stop the engine
        h.Room.Start(SimulatorScenarios.MainsFailure);
        var minutesAtStart = h["ups-1", "battery.minutes_remaining"];
        var charges = new List<double>();

        for (var i = 0; i < 8; i++)
        {
            h.Run(1);
            charges.Add(h["ups-1", "battery.charge"]);
        }

        Assert.Equal(charges.OrderDescending(), charges);
        Assert.True(h["ups-1", "battery.minutes_remaining"] <= minutesAtStart);
        Assert.Equal(8, h["ups-1", "battery.seconds_on_battery"]);
    }

    [Fact]
    public void MainsFailure_EndsByItself_AfterTheConfiguredDuration()
    {
        var h = new RoomHarness(new SimulatorOptions { MainsFailureDuration = TimeSpan.FromSeconds(30) });

        h.Room.Start(SimulatorScenarios.MainsFailure);
        h.Run(29);
        Assert.Equal("warning", h.State("genset-1", "alarm.mains_failed"));
        h.Run(1);

        Assert.Equal("inactive", h.State("genset-1", "alarm.mains_failed"));
        Assert.Empty(h.Room.ActiveScenarios);
        h.Run(GensetModel.MainsReturnDelay + GensetModel.CoolDownTime + 1);
        Assert.Equal("stopped", h.State("genset-1", "engine.state"));
    }

    [Fact]
    public void CracFailure_StopsTheUnit_AndTheRoomWarmsOverMinutes_ThenRecovers()
    {
        var h = new RoomHarness();
        h.Jump(TimeSpan.FromMinutes(10));
        var before = h["env-1", "temperature"];

        h.Room.Start(SimulatorScenarios.CracFailure);

        Assert.Equal([new ActiveScenario(SimulatorScenarios.CracFailure, "crac-1", h.Time.GetUtcNow())], h.Room.ActiveScenarios);
        Assert.Equal("off", h.State("crac-1", "unit.on"));
        Assert.Equal("off", h.State("crac-1", "compressor.on"));
        Assert.Equal("alarm", h.State("crac-1", "alarm.general"));
        Assert.Equal("on", h.State("crac-2", "unit.on"));
        h.Run(TimeSpan.FromMinutes(2));
        var after2 = h["env-1", "temperature"];
        h.Jump(TimeSpan.FromMinutes(18));
        var after20 = h["env-1", "temperature"];

        Assert.Equal("on", h.State("crac-2", "compressor.on"));
        Assert.True(after20 > before + 1, $"room went from {before} to {after20} °C in 20 min");
        Assert.True(after20 > after2, "and kept rising");

        h.Room.Stop(SimulatorScenarios.CracFailure);
        h.Jump(TimeSpan.FromMinutes(30));
        Assert.Equal("normal", h.State("crac-1", "alarm.general"));
        Assert.InRange(h["env-1", "temperature"], before - 1.5, before + 1.5);
    }

    [Fact]
    public void CracFailure_OnANamedUnit_StopsOnlyThatUnit()
    {
        var h = new RoomHarness();

        h.Room.Start(SimulatorScenarios.CracFailure, "crac-2");

        Assert.Equal("off", h.State("crac-2", "unit.on"));
        Assert.Equal("on", h.State("crac-1", "unit.on"));
    }

    [Fact]
    public void Fire_PreAlarmThenAlarmThenRelease_DrivesThePanelAndTheCylinder()
    {
        var h = new RoomHarness();

        h.Room.Start(SimulatorScenarios.FirePreAlarm);
        Assert.Equal("PreAlarm", h.State("fire-1", "panel.state"));
        Assert.Equal("prealarm", h.State("fire-1", "zone.1.prealarm"));
        Assert.Equal("normal", h.State("fire-1", "zone.1.alarm"));
        Assert.Equal("enabled", h.State("fire-1", "zone.1.enabled"));

        h.Run(10);
        h.Room.Start(SimulatorScenarios.FireAlarm);
        Assert.Equal("Alarm", h.State("fire-1", "panel.state"));
        Assert.Equal("alarm", h.State("fire-1", "zone.2.alarm"));
        Assert.InRange(h["fire-1", "agent.pressure"], 41, 43);

        h.Run(30);
        h.Room.Start(SimulatorScenarios.AgentReleased);
        Assert.Equal("Released", h.State("fire-1", "panel.state"));
        h.Run(10);
        Assert.True(h["fire-1", "agent.pressure"] < 5);
        Assert.Equal("low", h.State("fire-1", "agent.low_pressure"));

        h.Room.Stop(SimulatorScenarios.AgentReleased);
        h.Room.Stop(SimulatorScenarios.FireAlarm);
        h.Room.Stop(SimulatorScenarios.FirePreAlarm);
        h.Run(1);
        Assert.Equal("Normal", h.State("fire-1", "panel.state"));
        Assert.Equal("normal", h.State("fire-1", "agent.low_pressure"));
    }

    [Fact]
    public void WaterLeakAndDoorOpen_TurnTheSensors_AndStopTurnsThemBack()
    {
        var h = new RoomHarness();

        h.Room.Start(SimulatorScenarios.WaterLeak);
        h.Room.Start(SimulatorScenarios.WaterLeak, "crac-2");
        h.Room.Start(SimulatorScenarios.DoorOpen, "env-2");

        Assert.Equal("wet", h.State("env-1", "leak"));
        Assert.Equal("dry", h.State("env-2", "leak"));
        Assert.Equal("alarm", h.State("crac-2", "alarm.water_leak"));
        Assert.Equal("open", h.State("env-2", "door"));
        Assert.Equal("closed", h.State("env-1", "door"));

        h.Room.Stop(SimulatorScenarios.WaterLeak);
        h.Room.Stop(SimulatorScenarios.DoorOpen, "env-2");

        Assert.Equal("dry", h.State("env-1", "leak"));
        Assert.Equal("normal", h.State("crac-2", "alarm.water_leak"));
        Assert.Equal("closed", h.State("env-2", "door"));
    }

    [Fact]
    public void DeviceSilentAndGarbage_SetTheFault_OnTheServedTableOrBank()
    {
        var h = new RoomHarness();

        h.Room.Start(SimulatorScenarios.DeviceSilent, "ups-2");
        h.Room.Start(SimulatorScenarios.DeviceGarbage, "crac-1");

        Assert.Equal(SimulatedFault.Silent, h.Room.GetFault("ups-2"));
        Assert.Equal(DataCenterOps.Monitoring.Snmp.Agent.SnmpAgentFault.Silent, h.Room.SnmpData.Resolve("ups-2")!.Fault);
        Assert.Equal(DataCenterOps.Monitoring.Snmp.Agent.SnmpAgentFault.None, h.Room.SnmpData.Resolve("ups-1")!.Fault);
        Assert.Equal(SimulatedFault.Garbage, h.Room.GetFault("crac-1"));
        Assert.Equal(DataCenterOps.Monitoring.Modbus.Server.ModbusServerFault.Garbage, h.Room.ModbusData.Resolve(2)!.Fault);
        Assert.Equal(SimulatedFault.Silent, h.Room.Devices.Single(d => d.Id == "ups-2").Fault);

        h.Room.Stop(SimulatorScenarios.DeviceSilent, "ups-2");
        h.Room.Stop(SimulatorScenarios.DeviceGarbage);

        Assert.Equal(SimulatedFault.None, h.Room.GetFault("ups-2"));
        Assert.Equal(DataCenterOps.Monitoring.Modbus.Server.ModbusServerFault.None, h.Room.ModbusData.Resolve(2)!.Fault);
    }

    [Fact]
    public void Scenarios_ListEveryFixedName_WithWhatIsActive()
    {
        var h = new RoomHarness();
        h.Room.Start(SimulatorScenarios.DoorOpen);
        h.Room.Start(SimulatorScenarios.DoorOpen); // idempotent

        var scenarios = h.Room.Scenarios;

        Assert.Equal(
            ["mains-failure", "genset-fail-to-start", "crac-failure", "fire-prealarm", "fire-alarm", "agent-released", "water-leak", "door-open", "device-silent", "device-garbage"],
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
