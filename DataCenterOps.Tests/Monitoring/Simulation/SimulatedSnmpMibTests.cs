using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Traps;
using DataCenterOps.Tests.Monitoring.Polling;
using DataCenterOps.Tests.Monitoring.Snmp;

namespace DataCenterOps.Tests.Monitoring.Simulation;

/// <summary>What net-snmp's tools see in the simulated agent: MIB-II's system group, the whole UPS-MIB, and RFC 3416's missing-object rules.</summary>
public sealed class SimulatedSnmpMibTests : IAsyncLifetime
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);
    private SimulatorHostFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorHostFixture.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Theory]
    [InlineData("ups-1", ".1.3.6.1.2.1.33", "UPS")]
    [InlineData("env-1", ".1.3.6.1.4.1.5528", "environment probe")]
    public async Task Snmpwalk_OfTheSystemGroup_ShowsEverySystemObject(string device, string sysObjectId, string kind)
    {
        var walk = await WalkAsync(device, "1.3.6.1.2.1.1");

        Assert.Equal(
            [".1.3.6.1.2.1.1.1.0", ".1.3.6.1.2.1.1.2.0", ".1.3.6.1.2.1.1.3.0", ".1.3.6.1.2.1.1.4.0", ".1.3.6.1.2.1.1.5.0", ".1.3.6.1.2.1.1.6.0", ".1.3.6.1.2.1.1.7.0"],
            walk.Keys);
        Assert.Contains($"simulated {kind} {device}", walk[".1.3.6.1.2.1.1.1.0"], StringComparison.Ordinal);
        Assert.Equal($"OID: {sysObjectId}", walk[".1.3.6.1.2.1.1.2.0"]);
        Assert.StartsWith("Timeticks:", walk[".1.3.6.1.2.1.1.3.0"], StringComparison.Ordinal);
        Assert.Equal($"STRING: \"{device}\"", walk[".1.3.6.1.2.1.1.5.0"]);
        Assert.Equal("INTEGER: 72", walk[".1.3.6.1.2.1.1.7.0"]);
    }

    [Fact]
    public async Task Snmpwalk_OfTheUpsMib_ShowsEveryGroup_WithoutNotAccessibleIndexColumns()
    {
        var walk = await WalkAsync("ups-1", "1.3.6.1.2.1.33");

        Assert.Equal("STRING: \"DataCenterOps\"", walk[Ups("1.1.0")]);
        Assert.Equal($"STRING: \"{UpsMib.Model}\"", walk[Ups("1.2.0")]);
        Assert.Equal("STRING: \"ups-1\"", walk[Ups("1.5.0")]);
        foreach (var suffix in (string[])["1.3.0", "1.4.0", "1.6.0", "2.6.0", "3.2.0", "3.3.1.4.1", "3.3.1.5.1", "4.3.0", "4.4.1.3.1", "4.4.1.4.1",
                     "5.1.0", "5.2.0", "5.3.1.2.1", "5.3.1.3.1", "5.3.1.4.1", "6.1.0", "7.2.0", "7.4.0", "7.5.0", "7.6.0", "8.1.0", "9.1.0", "9.7.0", "9.10.0"])
        {
            Assert.True(walk.ContainsKey(Ups(suffix)), $"upsMIB object {suffix} missing from the walk");
        }

        Assert.Equal("OID: .1.3.6.1.2.1.33.1.7.7.1", walk[Ups("7.1.0")]); // upsTestNoTestsInitiated
        Assert.Equal("INTEGER: 6", walk[Ups("7.3.0")]);                  // noTestsInitiated(6)
        Assert.Equal("Gauge32: 0", walk[Ups("6.1.0")]);
        Assert.DoesNotContain(walk.Keys, k => k.StartsWith(Ups("3.3.1.1."), StringComparison.Ordinal) || k.StartsWith(Ups("6.2.1.1."), StringComparison.Ordinal));
        Assert.DoesNotContain(walk.Keys, k => k.StartsWith(Ups("6.2.1."), StringComparison.Ordinal)); // no alarm while quiet
    }

    [Fact]
    public async Task Snmpget_AnswersNoSuchObjectOutsideObjects_AndNoSuchInstanceInsideThem()
    {
        var lines = await NetSnmpTool.RunAsync("snmpget",
            ["-v2c", "-c", "ups-1", "-On", "-t", "5", "-r", "1", Address,
             "1.3.6.1.2.1.1", "1.3.6.1.2.1.1.1", "1.3.6.1.2.1.1.8.0", Ups("6.2.1.2.1"), Ups("3.3.1.1.1"), Ups("2.1.1")],
            ToolTimeout);

        Assert.Equal(
            [
                ".1.3.6.1.2.1.1 = No Such Object available on this agent at this OID",
                ".1.3.6.1.2.1.1.1 = No Such Instance currently exists at this OID",
                ".1.3.6.1.2.1.1.8.0 = No Such Object available on this agent at this OID",
                $"{Ups("6.2.1.2.1")} = No Such Instance currently exists at this OID",
                $"{Ups("3.3.1.1.1")} = No Such Object available on this agent at this OID",
                $"{Ups("2.1.1")} = No Such Instance currently exists at this OID",
            ],
            lines);
    }

    [Fact]
    public async Task AlarmTable_HoldsARowPerCondition_WhileTheGensetFailsToStart()
    {
        _sim.Room.Start(SimulatorScenarios.GensetFailToStart);
        _sim.Advance(TimeSpan.FromSeconds(5));
        var onBattery = await WalkAsync("ups-1", "1.3.6.1.2.1.33.1.6");

        Assert.Equal("Gauge32: 1", onBattery[Ups("6.1.0")]);
        Assert.Equal("OID: .1.3.6.1.2.1.33.1.6.3.2", onBattery[Ups("6.2.1.2.1")]); // upsAlarmOnBattery
        Assert.StartsWith("Timeticks:", onBattery[Ups("6.2.1.3.1")], StringComparison.Ordinal);

        while (_sim.Room.GetState("ups-1", "battery.status") != "depleted")
        {
            _sim.Advance(TimeSpan.FromSeconds(10));
        }

        var depleted = await WalkAsync("ups-1", "1.3.6.1.2.1.33.1.6");
        var rows = depleted.Where(v => v.Key.StartsWith(Ups("6.2.1.2."), StringComparison.Ordinal)).Select(v => v.Value).ToList();
        Assert.Equal(["OID: .1.3.6.1.2.1.33.1.6.3.4", "OID: .1.3.6.1.2.1.33.1.6.3.14"], rows); // DepletedBattery, UpsOutputOff
        Assert.Equal("Gauge32: 2", depleted[Ups("6.1.0")]);
        Assert.Equal(2, _sim.Room.GetValue("ups-1", "alarms.present"));
        Assert.DoesNotContain(Ups("6.2.1.2.1"), depleted.Keys); // the on-battery row went when the output dropped
    }

    [Fact]
    public async Task AlarmEntryTraps_ReplayTheServedAlarmTable_WhileTheGensetFailsToStart()
    {
        _sim.Room.Start(SimulatorScenarios.GensetFailToStart);
        _sim.Advance(TimeSpan.FromSeconds(5));
        var onBattery = await WalkAsync("ups-1", "1.3.6.1.2.1.33.1.6");
        await Eventually.TrueAsync(() => AlarmRows("upsTrapAlarmEntryAdded").ContainsKey(Ups("6.2.1.2.1")), "upsTrapAlarmEntryAdded for ups-1's first row");
        Assert.Equal(onBattery[Ups("6.2.1.2.1")], AlarmRows("upsTrapAlarmEntryAdded")[Ups("6.2.1.2.1")]); // upsAlarmOnBattery
        Assert.Equal("upsTrapOnBattery", _sim.Traps.First(t => t.Community == "ups-1").Trap.TrapName);

        while (_sim.Room.GetState("ups-1", "battery.status") != "depleted")
        {
            _sim.Advance(TimeSpan.FromSeconds(10));
        }

        _sim.Advance(TimeSpan.FromSeconds(1)); // one more sender tick that certainly sees the depleted room
        var depleted = (await WalkAsync("ups-1", "1.3.6.1.2.1.33.1.6"))
            .Where(v => v.Key.StartsWith(Ups("6.2.1.2."), StringComparison.Ordinal))
            .ToDictionary(StringComparer.Ordinal);

        // Rows added and not removed since are exactly the rows served: on battery, low battery came and went.
        await Eventually.TrueAsync(() => Outstanding().Count == depleted.Count && Outstanding().All(r => depleted.GetValueOrDefault(r.Key) == r.Value),
            "alarm entry traps matching the served upsAlarmTable");
        Assert.Equal("OID: .1.3.6.1.2.1.33.1.6.3.2", AlarmRows("upsTrapAlarmEntryRemoved")[Ups("6.2.1.2.1")]);
        Assert.Contains("OID: .1.3.6.1.2.1.33.1.6.3.3", AlarmRows("upsTrapAlarmEntryRemoved").Values); // upsAlarmLowBattery
    }

    private Dictionary<string, string> Outstanding()
    {
        var removed = AlarmRows("upsTrapAlarmEntryRemoved");
        return AlarmRows("upsTrapAlarmEntryAdded").Where(r => !removed.ContainsKey(r.Key)).ToDictionary(StringComparer.Ordinal);
    }

    /// <summary>ups-1's upsAlarmDescr varbinds in the named traps, as snmpwalk -On prints them.</summary>
    private Dictionary<string, string> AlarmRows(string trapName)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, trap) in _sim.Traps.Where(t => t.Community == "ups-1" && t.Trap.TrapName == trapName))
        {
            foreach (var varbind in trap.Varbinds.Where(v => v.Oid.StartsWith(TrapOids.UpsAlarmDescr)))
            {
                rows["." + varbind.Oid] = "OID: ." + varbind.Value.AsOid();
            }
        }

        return rows;
    }

    private string Address => $"127.0.0.1:{_sim.Listeners.Snmp.Port}";

    private static string Ups(string suffix) => ".1.3.6.1.2.1.33.1." + suffix;

    private async Task<Dictionary<string, string>> WalkAsync(string community, string root)
    {
        var lines = await NetSnmpTool.RunAsync("snmpwalk", ["-v2c", "-c", community, "-On", "-t", "5", "-r", "1", Address, root], ToolTimeout);
        // The walk's last line is the endOfMibView net-snmp prints when the agent's MIB ends inside the subtree.
        return lines.Where(l => !l.Contains("No more variables left", StringComparison.Ordinal))
            .Select(l => l.Split(" = ", 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }
}
