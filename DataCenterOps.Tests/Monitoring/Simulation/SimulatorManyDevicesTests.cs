using System.Globalization;
using DataCenterOps.Tests.Monitoring.Modbus;
using DataCenterOps.Tests.Monitoring.Snmp;

namespace DataCenterOps.Tests.Monitoring.Simulation;

/// <summary>
/// A room of thousands of simulated devices, as the scale and two-node benchmarks run it, read over the real agent and
/// server by net-snmp's snmpget and mbpoll: every device, however far down the list, holds plausible values, and the
/// peers read exactly what the room's model says (the 1,000th room probe once read 22 °C + 400 °C and −350 % RH, because
/// each device of a kind was offset a little more than the one before it, without bound).
/// </summary>
public sealed class SimulatorManyDevicesTests(SimulatorManyDevicesFixture room) : IClassFixture<SimulatorManyDevicesFixture>
{
    private const int Ups = SimulatorManyDevicesFixture.Ups;
    private const int SnmpProbes = SimulatorManyDevicesFixture.SnmpProbes;
    private const int ModbusProbes = SimulatorManyDevicesFixture.ModbusProbes;
    private const int FirstUnit = SimulatorManyDevicesFixture.FirstUnit;
    private const string TemperatureOid = "1.3.6.1.4.1.5528.100.4.1.1.1.2.1";
    private const string HumidityOid = "1.3.6.1.4.1.5528.100.4.1.2.1.2.1";
    private const string OutputLoadOid = "1.3.6.1.2.1.33.1.4.4.1.5.1";
    private static readonly TimeSpan PeerTimeout = TimeSpan.FromSeconds(30);

    private SimulatorHostFixture Sim => room.Sim;

    [Fact]
    public void EveryDeviceOfAThousandsStrongRoom_HoldsPlausibleValues()
    {
        Assert.Equal(Ups + SnmpProbes + ModbusProbes, Sim.Room.Devices.Count);
        foreach (var device in Sim.Room.Devices)
        {
            if (device.Profile == "ups-rfc1628")
            {
                Assert.InRange(Sim.Room.GetValue(device.Id, "output.load"), 0, 100);
                Assert.InRange(Sim.Room.GetValue(device.Id, "battery.charge"), 0, 100);
            }
            else
            {
                Assert.InRange(Sim.Room.GetValue(device.Id, "temperature"), 15, 32);
                Assert.InRange(Sim.Room.GetValue(device.Id, "humidity"), 8, 80);
            }
        }
    }

    [Theory]
    [InlineData("env-snmp-1")]
    [InlineData("env-snmp-500")]
    [InlineData("env-snmp-1000")]
    [InlineData("env-snmp-1800")]
    public async Task Snmpget_ReadsAFarDownRoomProbe_AsTheModelHoldsIt_AndPlausible(string device)
    {
        var lines = await SnmpgetAsync(device, TemperatureOid, HumidityOid);

        var temperature = Tenths(lines[0]);
        var humidity = Tenths(lines[1]);
        Assert.Equal(Sim.Room.GetValue(device, "temperature"), temperature, 9);
        Assert.Equal(Sim.Room.GetValue(device, "humidity"), humidity, 9);
        Assert.InRange(temperature, 15, 32);
        Assert.InRange(humidity, 8, 80);
    }

    [Theory]
    [InlineData("ups-2")]
    [InlineData("ups-999")]
    public async Task Snmpget_ReadsAFarDownUps_AsTheModelHoldsIt_AndPlausible(string device)
    {
        var lines = await SnmpgetAsync(device, OutputLoadOid);

        var load = double.Parse(lines[0].Split("INTEGER: ")[1], CultureInfo.InvariantCulture);
        Assert.Equal(Sim.Room.GetValue(device, "output.load"), load, 9);
        Assert.InRange(load, 0, 100);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(123)]
    [InlineData(ModbusProbes - 1)]
    public async Task Mbpoll_ReadsAFarDownModbusProbe_AsTheModelHoldsIt_AndPlausible(int index)
    {
        var unit = FirstUnit + index;
        var device = $"env-{index + 1}";

        // Input registers 0 (temperature, int16 tenths) and 1 (humidity, tenths); mbpoll counts references from 1.
        var output = await MbpollAsync("-a", unit.ToString(CultureInfo.InvariantCulture), "-t", "3", "-r", "1", "-c", "2");

        var temperature = Register(output, 1) / 10.0;
        var humidity = Register(output, 2) / 10.0;
        Assert.Equal(Sim.Room.GetValue(device, "temperature"), temperature, 9);
        Assert.Equal(Sim.Room.GetValue(device, "humidity"), humidity, 9);
        Assert.InRange(temperature, 15, 32);
        Assert.InRange(humidity, 8, 80);
    }

    private async Task<IReadOnlyList<string>> SnmpgetAsync(string community, params string[] oids) =>
        await NetSnmpTool.RunAsync(
            "snmpget",
            ["-v2c", "-c", community, "-On", "-t", "5", "-r", "1", $"127.0.0.1:{Sim.Listeners.Snmp.Port}", .. oids],
            PeerTimeout);

    private static double Tenths(string line) =>
        double.Parse(line.Split("INTEGER: ")[1], CultureInfo.InvariantCulture) / 10;

    private static int Register(string mbpollOutput, int reference)
    {
        var marker = $"[{reference}]:";
        var line = mbpollOutput.Split('\n').Single(l => l.StartsWith(marker, StringComparison.Ordinal));
        return int.Parse(line[marker.Length..].Trim(), CultureInfo.InvariantCulture);
    }

    private async Task<string> MbpollAsync(params string[] arguments)
    {
        var (exitCode, output, error) = await PeerProcess.RunAsync(
            "mbpoll",
            ["-m", "tcp", "-p", Sim.Listeners.Modbus.Port.ToString(CultureInfo.InvariantCulture), "-1", "-o", "5", .. arguments, "127.0.0.1"],
            PeerTimeout);
        Assert.True(exitCode == 0, $"mbpoll exited {exitCode}: {error}{output}");
        return output;
    }
}
