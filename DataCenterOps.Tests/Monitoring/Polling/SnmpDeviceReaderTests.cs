using System.Globalization;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Tests.Monitoring.Devices;
using DataCenterOps.Tests.Monitoring.Snmp;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Polling;

/// <summary>The SNMP reader with the shipped UPS profile against net-snmp's snmpd serving UPS-MIB values.</summary>
public sealed class SnmpDeviceReaderTests(SnmpdFixture snmpd) : IClassFixture<SnmpdFixture>
{
    [Fact]
    public async Task AllPoints_AreReadInOneGet_ScaledAndNamed()
    {
        await using var client = new SnmpClient();
        var reader = new SnmpDeviceReader(client, ProfileCatalog.Load());

        var result = await reader.ReadAsync(Device(), CancellationToken.None);

        Assert.Equal(1, result.Requests);
        Assert.Equal(1, client.Statistics.RequestsSent);
        var points = result.Points.ToDictionary(p => p.Point);
        Assert.Equal(ProfileCatalog.Load().Get("ups-rfc1628").Points.Count, points.Count);
        Assert.All(points.Values, p => Assert.Equal(PointQuality.Good, p.Quality));
        Assert.Equal((54.5, "V"), (points["battery.voltage"].Value, points["battery.voltage"].Unit));
        Assert.Equal((50.0, "Hz"), (points["input.frequency"].Value, points["input.frequency"].Unit));
        Assert.Equal((3.0, "normal"), (points["output.source"].Value, points["output.source"].Text));
        Assert.Equal((2.0, "normal"), (points["battery.status"].Value, points["battery.status"].Text));
        Assert.Equal(100, points["battery.charge"].Value);
    }

    [Fact]
    public async Task AScaleOverride_ReplacesTheProfileScale()
    {
        await using var client = new SnmpClient();
        var reader = new SnmpDeviceReader(client, ProfileCatalog.Load());
        var device = Device();
        device.ScaleOverrides["battery.voltage"] = 1.0;

        var result = await reader.ReadAsync(device, CancellationToken.None);

        Assert.Equal(545, result.Points.Single(p => p.Point == "battery.voltage").Value);
    }

    [Fact]
    public async Task AnOidTheAgentLacks_IsNotAvailable_AndTheRestStillGood()
    {
        using var site = new TempDirectory();
        var shipped = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "DataCenterOps.Monitoring", "Profiles", "Shipped", "ups-rfc1628.json"));
        var extended = shipped.Replace("\"name\": \"ups-rfc1628\"", "\"name\": \"ups-site\"", StringComparison.Ordinal)
            .Replace("\"points\": [", "\"points\": [\n    { \"name\": \"vendor.extra\", \"oid\": \"1.3.6.1.4.1.99999.1.0\", \"type\": \"Integer\" },", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(site.Path, "ups-site.json"), extended);
        await using var client = new SnmpClient();
        var reader = new SnmpDeviceReader(client, ProfileCatalog.Load(site.Path));
        var device = Device();
        device.Profile = "ups-site";

        var result = await reader.ReadAsync(device, CancellationToken.None);

        Assert.Equal(PointQuality.NotAvailable, result.Points.Single(p => p.Point == "vendor.extra").Quality);
        Assert.Equal(220, result.Points.Single(p => p.Point == "input.voltage").Value);
    }

    [Fact]
    public async Task AWrongCommunity_FailsThePollWithATimeout()
    {
        await using var client = new SnmpClient();
        var reader = new SnmpDeviceReader(client, ProfileCatalog.Load());
        var device = Device();
        device.Community = "not-this-one";

        await Assert.ThrowsAsync<SnmpTimeoutException>(() => reader.ReadAsync(device, CancellationToken.None));
    }

    private DeviceOptions Device() => new()
    {
        Id = "ups-1",
        Name = "UPS",
        Kind = DeviceKind.Ups,
        Protocol = DeviceProtocol.Snmp,
        Host = "127.0.0.1",
        Port = snmpd.Endpoint.Port,
        Community = SnmpdFixture.Community,
        Profile = "ups-rfc1628",
        IntervalSeconds = 5,
        TimeoutSeconds = 2,
        Retries = 0,
    };
}
