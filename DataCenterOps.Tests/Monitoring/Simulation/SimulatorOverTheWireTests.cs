using System.Globalization;
using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Tests.Monitoring.Modbus;
using DataCenterOps.Tests.Monitoring.Snmp;

namespace DataCenterOps.Tests.Monitoring.Simulation;

/// <summary>Every shipped profile, served by the real agent and server, read back through real clients and peers.</summary>
public sealed class SimulatorOverTheWireTests : IAsyncLifetime
{
    private static readonly TimeSpan PeerTimeout = TimeSpan.FromSeconds(30);
    private SimulatorHostFixture _sim = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorHostFixture.StartAsync();

        // Something happening, so that values are not all at rest: mains failure mid-transfer, fire alarm, door.
        _sim.Room.Start(SimulatorScenarios.MainsFailure);
        _sim.Room.Start(SimulatorScenarios.FireAlarm);
        _sim.Room.Start(SimulatorScenarios.DoorOpen, "env-2");
        _sim.Room.Start(SimulatorScenarios.WaterLeak, "crac-1");
        _sim.Advance(TimeSpan.FromSeconds(6));
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task SnmpDevices_ReadThroughOurClient_EqualWhatTheRoomHolds()
    {
        await using var client = new SnmpClient();
        var checkedPoints = 0;
        foreach (var device in _sim.Room.Devices.Where(d => d.Protocol == DeviceProtocol.Snmp))
        {
            var profile = RoomHarness.Catalog.Get(device.Profile);
            var target = SnmpTarget.V2c(_sim.Listeners.Snmp, device.Community!) with { Timeout = TimeSpan.FromSeconds(10) };

            var varbinds = await client.GetAsync(target, profile.Points.Select(p => p.ToObjectIdentifier()).ToArray());

            Assert.Equal(profile.Points.Count, varbinds.Count);
            for (var i = 0; i < varbinds.Count; i++)
            {
                var point = profile.Points[i];
                Assert.Equal(point.SnmpType, varbinds[i].Value.Type);
                Assert.True(varbinds[i].Value.TryGetNumber(out var raw), $"{device.Id} {point.Name}");
                Assert.Equal(_sim.Room.GetValue(device.Id, point.Name), PointValue.FromRaw(point, raw).Value, 9);
                checkedPoints++;
            }
        }

        Assert.Equal(ExpectedPoints(DeviceProtocol.Snmp), checkedPoints);
    }

    [Fact]
    public async Task ModbusDevices_ReadThroughOurClient_EqualWhatTheRoomHolds()
    {
        await using var client = new ModbusTcpClient(ModbusOptions(TimeSpan.FromSeconds(10)));
        var checkedPoints = 0;
        foreach (var device in _sim.Room.Devices.Where(d => d.Protocol == DeviceProtocol.ModbusTcp))
        {
            foreach (var point in RoomHarness.Catalog.Get(device.Profile).Points)
            {
                var spec = point.ToModbusSpec();
                ushort[] registers = spec.Table.IsBitTable()
                    ? (await client.ReadDiscreteInputsAsync(device.UnitId!.Value, spec.Address, 1)).Select(b => b ? (ushort)1 : (ushort)0).ToArray()
                    : await client.ReadRegistersAsync(device.UnitId!.Value, spec.Table, spec.Address, (ushort)spec.RegisterCount);

                var decoded = ModbusValueDecoder.Decode(spec, registers);

                Assert.True(decoded.IsGood, $"{device.Id} {point.Name}: {decoded.Quality}");
                Assert.Equal(_sim.Room.GetValue(device.Id, point.Name), decoded.Value, 9);
                checkedPoints++;
            }
        }

        Assert.Equal(ExpectedPoints(DeviceProtocol.ModbusTcp), checkedPoints);
    }

    [Fact]
    public async Task GensetRegisters_CanBeReadInOneBlockAcrossGaps_LikeARealController()
    {
        await using var client = new ModbusTcpClient(ModbusOptions(TimeSpan.FromSeconds(10)));

        var block = await client.ReadHoldingRegistersAsync(1, 1024, 40);

        var frequency = RoomHarness.Catalog.Get("genset-dse-gencomm").GetPoint("generator.frequency");
        Assert.Equal(_sim.Room.GetValue("genset-1", "generator.frequency"), frequency.ToEngineering(block[1031 - 1024]), 9);
    }

    [Fact]
    public async Task NetSnmpSnmpget_ReadsTheUpsOnBattery()
    {
        var lines = await NetSnmpTool.RunAsync(
            "snmpget",
            ["-v2c", "-c", "ups-1", "-On", "-t", "5", "-r", "1", $"127.0.0.1:{_sim.Listeners.Snmp.Port}",
             "1.3.6.1.2.1.33.1.4.1.0", "1.3.6.1.2.1.33.1.2.2.0"],
            PeerTimeout);

        Assert.Equal(".1.3.6.1.2.1.33.1.4.1.0 = INTEGER: 5", lines[0]);
        Assert.Equal($".1.3.6.1.2.1.33.1.2.2.0 = INTEGER: {_sim.Room.GetValue("ups-1", "battery.seconds_on_battery").ToString(CultureInfo.InvariantCulture)}", lines[1]);
    }

    [Fact]
    public async Task Mbpoll_ReadsTheGensetStateAndTheFirePanel()
    {
        // mbpoll counts references from 1: reference 1409 is protocol address 1408.
        var engine = await MbpollAsync("-a", "1", "-t", "4", "-r", "1409", "-c", "1");
        var mains = await MbpollAsync("-a", "1", "-t", "4:int", "-B", "-r", "1061", "-c", "1");
        var panel = await MbpollAsync("-a", "4", "-t", "4", "-r", "1", "-c", "1");

        Assert.Contains($"[1409]: \t{_sim.Room.GetValue("genset-1", "engine.state")}", engine, StringComparison.Ordinal);
        Assert.Contains("[1061]: \t0", mains, StringComparison.Ordinal);
        Assert.Contains("[1]: \t2", panel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilentDevice_GetsNoAnswer_WhileOthersStillAnswer()
    {
        _sim.Room.Start(SimulatorScenarios.DeviceSilent, "ups-2");
        _sim.Room.Start(SimulatorScenarios.DeviceSilent, "crac-2");
        await using var snmp = new SnmpClient();
        await using var modbus = new ModbusTcpClient(ModbusOptions(TimeSpan.FromSeconds(2)));
        await using var healthy = new ModbusTcpClient(ModbusOptions(TimeSpan.FromSeconds(10)));
        var oid = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.4.0");

        // Connect first through a unit that answers, so the short timeout below is spent only on the silence.
        await modbus.ReadInputRegistersAsync(2, 0, 3);
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => modbus.ReadInputRegistersAsync(3, 0, 3));
        await Assert.ThrowsAsync<SnmpTimeoutException>(() =>
            snmp.GetAsync(SnmpTarget.V2c(_sim.Listeners.Snmp, "ups-2") with { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 }, [oid]));

        var answer = await snmp.GetAsync(SnmpTarget.V2c(_sim.Listeners.Snmp, "ups-1") with { Timeout = TimeSpan.FromSeconds(5) }, [oid]);
        Assert.Single(answer);
        Assert.Equal(3, (await healthy.ReadInputRegistersAsync(2, 0, 3)).Length);
    }

    [Fact]
    public async Task GarbageDevice_AnswersWithSomethingOurClientsReject()
    {
        _sim.Room.Start(SimulatorScenarios.DeviceGarbage, "env-1");
        _sim.Room.Start(SimulatorScenarios.DeviceGarbage, "env-2");
        await using var snmp = new SnmpClient();
        await using var modbus = new ModbusTcpClient(ModbusOptions(TimeSpan.FromSeconds(2)));

        await Assert.ThrowsAnyAsync<SnmpException>(() => snmp.GetAsync(
            SnmpTarget.V2c(_sim.Listeners.Snmp, "env-1") with { Timeout = TimeSpan.FromMilliseconds(500), Retries = 0 },
            [ObjectIdentifier.Parse("1.3.6.1.4.1.5528.100.4.1.1.1.2.1")]));
        await Assert.ThrowsAnyAsync<ModbusException>(() => modbus.ReadInputRegistersAsync(5, 0, 4));
    }

    private ModbusEndpointOptions ModbusOptions(TimeSpan timeout) => new()
    {
        Host = _sim.Listeners.Modbus.Address.ToString(),
        Port = _sim.Listeners.Modbus.Port,
        Timeout = timeout,
    };

    private int ExpectedPoints(DeviceProtocol protocol) =>
        _sim.Room.Devices.Where(d => d.Protocol == protocol).Sum(d => RoomHarness.Catalog.Get(d.Profile).Points.Count);

    private async Task<string> MbpollAsync(params string[] arguments)
    {
        var (exitCode, output, error) = await PeerProcess.RunAsync(
            "mbpoll",
            ["-m", "tcp", "-p", _sim.Listeners.Modbus.Port.ToString(CultureInfo.InvariantCulture), "-1", "-o", "5", .. arguments, "127.0.0.1"],
            PeerTimeout);
        Assert.True(exitCode == 0, $"mbpoll exited {exitCode}: {error}{output}");
        return output;
    }
}
