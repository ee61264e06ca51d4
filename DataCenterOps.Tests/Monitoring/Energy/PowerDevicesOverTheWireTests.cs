using System.Globalization;
using System.Text.RegularExpressions;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Tests.Monitoring.Modbus;
using DataCenterOps.Tests.Monitoring.Simulation;
using DataCenterOps.Tests.Monitoring.Snmp;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataCenterOps.Tests.Monitoring.Energy;

/// <summary>
/// The simulated utility-feed meter (meter-eastron-sdm630) and rack PDUs (pdu-apc-rpdu2), read by real peers (mbpoll,
/// net-snmp's snmpget) and by our poller's readers through the shipped profiles.
/// </summary>
public sealed class PowerDevicesOverTheWireTests : IAsyncLifetime
{
    private static readonly TimeSpan PeerTimeout = TimeSpan.FromSeconds(30);
    private SimulatorHostFixture _sim = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorHostFixture.StartAsync();
        _sim.Advance(TimeSpan.FromMinutes(10));
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Mbpoll_ReadsTheMetersFloats_VoltagesPowerAndImportEnergy()
    {
        // SDM630: IEEE 754 floats, high word first (-B); mbpoll counts from 1, so 30001 → reference 1, 30053 → 53, 30073 → 73.
        var voltages = await MbpollAsync("-a", "6", "-t", "3:float", "-B", "-r", "1", "-c", "3");
        var power = await MbpollAsync("-a", "6", "-t", "3:float", "-B", "-r", "53", "-c", "1");
        var energy = await MbpollAsync("-a", "6", "-t", "3:float", "-B", "-r", "73", "-c", "1");

        Assert.Equal(220, Value(voltages, 1), 3);
        Assert.Equal(220, Value(voltages, 3), 3);
        Assert.Equal(220, Value(voltages, 5), 3);
        // mbpoll prints floats with six significant digits.
        Assert.Equal(_sim.Room.GetValue("meter-utility", "power") * 1000, Value(power, 53), 1.0);
        Assert.Equal(_sim.Room.GetValue("meter-utility", "energy.import"), Value(energy, 73), 1.0);
        Assert.InRange(Value(energy, 73), 184_321.5, 184_400);
    }

    [Fact]
    public async Task Snmpget_ReadsThePdusRpdu2Objects_InTheirMibUnits()
    {
        const string Rpdu2 = "1.3.6.1.4.1.318.1.1.26.";
        var lines = await NetSnmpTool.RunAsync(
            "snmpget",
            ["-v2c", "-c", "pdu-a01", "-On", "-t", "5", "-r", "1", $"127.0.0.1:{_sim.Listeners.Snmp.Port}",
             Rpdu2 + "6.3.1.5.1", Rpdu2 + "6.3.1.7.1", Rpdu2 + "4.3.1.5.1", Rpdu2 + "4.3.1.9.1"],
            PeerTimeout);

        string Raw(double engineering, double scale) => Math.Round(engineering / scale).ToString(CultureInfo.InvariantCulture);
        Assert.Equal($".{Rpdu2}6.3.1.5.1 = Gauge32: {Raw(_sim.Room.GetValue("pdu-a01", "phase.1.current"), 0.1)}", lines[0]);
        Assert.Equal($".{Rpdu2}6.3.1.7.1 = Gauge32: {Raw(_sim.Room.GetValue("pdu-a01", "phase.1.power"), 0.01)}", lines[1]);
        Assert.Equal($".{Rpdu2}4.3.1.5.1 = Gauge32: {Raw(_sim.Room.GetValue("pdu-a01", "power"), 0.01)}", lines[2]);
        Assert.Equal($".{Rpdu2}4.3.1.9.1 = Gauge32: {Raw(_sim.Room.GetValue("pdu-a01", "energy"), 0.1)}", lines[3]);
        Assert.InRange(_sim.Room.GetValue("pdu-a01", "phase.1.current"), 10, 18);
    }

    [Fact]
    public async Task OurPoller_ReadsTheMeterAndAPdu_ThroughTheShippedProfiles()
    {
        var catalog = ProfileCatalog.Load();
        await using var modbus = new ModbusDeviceReader(catalog, TimeProvider.System, NullLoggerFactory.Instance);
        await using var snmpClient = new SnmpClient();
        var snmp = new SnmpDeviceReader(snmpClient, catalog);
        var meter = new DeviceOptions
        {
            Id = "meter-utility", Name = "Meter", Kind = DeviceKind.PowerMeter, Protocol = DeviceProtocol.ModbusTcp, Host = "127.0.0.1",
            Port = _sim.Listeners.Modbus.Port, UnitId = 6, Profile = "meter-eastron-sdm630", IntervalSeconds = 5, TimeoutSeconds = 10,
        };
        var pdu = new DeviceOptions
        {
            Id = "pdu-a02", Name = "PDU", Kind = DeviceKind.Pdu, Protocol = DeviceProtocol.Snmp, Host = "127.0.0.1",
            Port = _sim.Listeners.Snmp.Port, Community = "pdu-a02", Profile = "pdu-apc-rpdu2", IntervalSeconds = 5, TimeoutSeconds = 10,
        };

        var meterPoints = (await modbus.ReadAsync(meter, CancellationToken.None)).Points.ToDictionary(p => p.Point);
        var pduPoints = (await snmp.ReadAsync(pdu, CancellationToken.None)).Points.ToDictionary(p => p.Point);

        Assert.Equal(8, meterPoints.Count);
        Assert.All(meterPoints.Values, p => Assert.Equal(PointQuality.Good, p.Quality));
        Assert.Equal((220.0, "V"), (meterPoints["voltage.l2"].Value, meterPoints["voltage.l2"].Unit));
        Assert.Equal(_sim.Room.GetValue("meter-utility", "power"), meterPoints["power"].Value!.Value, 6);
        Assert.Equal("kW", meterPoints["power"].Unit);
        Assert.Equal(_sim.Room.GetValue("meter-utility", "energy.import"), meterPoints["energy.import"].Value!.Value, 6);
        Assert.Equal(4, pduPoints.Count);
        Assert.All(pduPoints.Values, p => Assert.Equal(PointQuality.Good, p.Quality));
        Assert.Equal(_sim.Room.GetValue("pdu-a02", "energy"), pduPoints["energy"].Value!.Value, 6);
        Assert.Equal(("kWh", "A"), (pduPoints["energy"].Unit, pduPoints["phase.1.current"].Unit));
        Assert.Equal(_sim.Room.GetValue("pdu-a02", "phase.1.current"), pduPoints["phase.1.current"].Value!.Value, 6);
    }

    [Fact]
    public void EnergyCounters_GrowWithTheLoad_AndTheFeedCarriesMoreThanTheRacks()
    {
        var meterBefore = _sim.Room.GetValue("meter-utility", "energy.import");
        var pdusBefore = _sim.Room.GetValue("pdu-a01", "energy") + _sim.Room.GetValue("pdu-a02", "energy");

        _sim.Advance(TimeSpan.FromHours(1));

        var facility = _sim.Room.GetValue("meter-utility", "energy.import") - meterBefore;
        var it = _sim.Room.GetValue("pdu-a01", "energy") + _sim.Room.GetValue("pdu-a02", "energy") - pdusBefore;
        Assert.InRange(it, 4, 7);
        Assert.InRange(facility / it, 1.2, 3.0);
    }

    private static double Value(string mbpollOutput, int reference)
    {
        var match = Regex.Match(mbpollOutput, $@"\[{reference}\]:\s+(-?[0-9.eE+-]+)");
        Assert.True(match.Success, $"no [{reference}] in: {mbpollOutput}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

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
