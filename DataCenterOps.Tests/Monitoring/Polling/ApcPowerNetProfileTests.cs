using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Tests.Monitoring.Devices;

namespace DataCenterOps.Tests.Monitoring.Polling;

/// <summary>
/// The shipped ups-apc-powernet profile read by our poller's SNMP reader from net-snmp's snmpd serving PowerNet-MIB
/// values (override lines, with the types an APC card uses), under the same point and state names as ups-rfc1628.
/// </summary>
public sealed class ApcPowerNetProfileTests
{
    private const string Apc = "1.3.6.1.4.1.318.1.1.1.";

    private static readonly (string Oid, string Type, string Value)[] OnBattery =
    [
        (Apc + "1.1.1.0", "octet_str", "\"Smart-UPS 3000 RM\""),  // upsBasicIdentModel (text, not a point)
        (Apc + "2.1.1.0", "integer", "2"),          // upsBasicBatteryStatus batteryNormal
        (Apc + "2.1.2.0", "timeticks", "12300"),    // upsBasicBatteryTimeOnBattery 123 s
        (Apc + "2.2.1.0", "unsigned", "87"),        // upsAdvBatteryCapacity %
        (Apc + "2.2.2.0", "unsigned", "31"),        // upsAdvBatteryTemperature °C
        (Apc + "2.2.3.0", "timeticks", "114000"),   // upsAdvBatteryRunTimeRemaining 19 min
        (Apc + "2.2.4.0", "integer", "1"),          // upsAdvBatteryReplaceIndicator no
        (Apc + "2.2.8.0", "integer", "52"),         // upsAdvBatteryActualVoltage V
        (Apc + "3.2.1.0", "unsigned", "0"),         // upsAdvInputLineVoltage
        (Apc + "3.2.4.0", "unsigned", "0"),         // upsAdvInputFrequency
        (Apc + "4.1.1.0", "integer", "3"),          // upsBasicOutputStatus onBattery
        (Apc + "4.2.1.0", "unsigned", "230"),       // upsAdvOutputVoltage
        (Apc + "4.2.2.0", "unsigned", "50"),        // upsAdvOutputFrequency
        (Apc + "4.2.3.0", "unsigned", "41"),        // upsAdvOutputLoad %
        (Apc + "4.2.4.0", "unsigned", "12"),        // upsAdvOutputCurrent A
    ];

    [Fact]
    public async Task ThePoller_ReadsAnApcCard_ThroughTheProfile_WithRfc1628PointAndStateNames()
    {
        await using var snmpd = await OverrideSnmpd.StartAsync(OnBattery);
        await using var client = new SnmpClient();
        var reader = new SnmpDeviceReader(client, ProfileCatalog.Load());
        var device = TestDevices.Ups("ups-apc");
        device.Profile = "ups-apc-powernet";
        device.Port = snmpd.Endpoint.Port;
        device.Community = OverrideSnmpd.Community;

        var result = await reader.ReadAsync(device, CancellationToken.None);

        var points = result.Points.ToDictionary(p => p.Point);
        Assert.Equal(ProfileCatalog.Load().Get("ups-apc-powernet").Points.Count, points.Count);
        Assert.All(points.Values, p => Assert.Equal(PointQuality.Good, p.Quality));
        Assert.Equal((3.0, "battery"), (points["output.source"].Value, points["output.source"].Text));
        Assert.Equal((2.0, "normal"), (points["battery.status"].Value, points["battery.status"].Text));
        Assert.Equal((87.0, "%"), (points["battery.charge"].Value, points["battery.charge"].Unit));
        Assert.Equal(19.0, points["battery.minutes_remaining"].Value!.Value, 9);
        Assert.Equal(123.0, points["battery.seconds_on_battery"].Value!.Value, 9);
        Assert.Equal(31, points["battery.temperature"].Value);
        Assert.Equal(52, points["battery.voltage"].Value);
        Assert.Equal("no", points["battery.replace"].Text);
        Assert.Equal(0, points["input.voltage"].Value);
        Assert.Equal(230, points["output.voltage"].Value);
        Assert.Equal(50, points["output.frequency"].Value);
        Assert.Equal(41, points["output.load"].Value);
        Assert.Equal(12, points["output.current"].Value);
    }

    [Fact]
    public void TheProfile_SharesTheRfc1628Names_WhereTheMeaningIsTheSame_AndMarksTheSameKeyPoints()
    {
        var catalog = ProfileCatalog.Load();
        var apc = catalog.Get("ups-apc-powernet");
        var ietf = catalog.Get("ups-rfc1628");

        Assert.Equal(DeviceKind.Ups, apc.Kind);
        Assert.Equal(["battery.status", "battery.charge", "output.source"], apc.KeyPoints.Select(p => p.Name));
        Assert.Equal(ietf.KeyPoints.Select(p => p.Name), apc.KeyPoints.Select(p => p.Name));
        Assert.Subset(ietf.Points.Select(p => p.Name).ToHashSet(),
            apc.Points.Select(p => p.Name).Except(["battery.replace", "output.current"]).ToHashSet());
        Assert.Equal("battery", apc.GetPoint("output.source").StateOf(3));
        Assert.Equal("normal", apc.GetPoint("output.source").StateOf(2));
    }
}
