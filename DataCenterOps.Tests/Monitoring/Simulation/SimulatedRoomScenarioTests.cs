using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Tests.Monitoring.Profiles;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Simulation;

/// <summary>The room's scenarios as they play out over simulated time: power, cooling, fire, leak, door and faulty devices.</summary>
public sealed class SimulatedRoomScenarioTests
{
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
}
