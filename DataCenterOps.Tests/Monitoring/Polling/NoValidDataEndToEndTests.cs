using System.Globalization;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Tests.Monitoring.Polling;

/// <summary>
/// A device that answers every poll with well-formed replies holding no usable value (net-snmp's snmpd serving text
/// where the UPS-MIB has numbers) is "no valid data": its own alarm, dcops_device_up 0, and no flapping between lost
/// and found. The simulated room's devices beside it are unaffected.
/// </summary>
public sealed class NoValidDataEndToEndTests
{
    private const string DeviceId = "ups-text";

    [Fact]
    public async Task ADeviceAnsweringOnlyText_IsNoValidData_WithItsOwnAlarm_AndDownInMetrics_WithoutFlapping()
    {
        var profile = ProfileCatalog.Load().Get("ups-rfc1628");
        await using var snmpd = await OverrideSnmpd.StartAsync(profile.Points.Select(p => (p.Oid!, "octet_str", "\"n/a\"")));
        await using var host = await SimulatedRoomHost.StartAsync(Device(snmpd.Endpoint.Port));

        await Eventually.TrueAsync(() => host.Alarms.GetActive().Any(a => a is { DeviceId: DeviceId, Key: AlarmKeys.NoValidData }), "device.no_valid_data for ups-text");
        var alarm = host.Alarms.GetActive().Single(a => a is { DeviceId: DeviceId, Key: AlarmKeys.NoValidData });
        var status = host.LiveState.GetDevice(DeviceId)!.Status;
        Assert.Equal(AlarmSeverity.Critical, alarm.Severity);
        Assert.True(status.IsNoValidData);
        Assert.False(status.IsCommLost);
        Assert.False(status.IsUp);
        Assert.True(status.PollsWithoutValidData >= 3);

        // Keep polling: it must stay no-valid-data, never comm-lost, never "found" again, with the same alarm.
        var polls = status.SuccessfulPolls;
        await Eventually.TrueAsync(() => host.LiveState.GetDevice(DeviceId)!.Status.SuccessfulPolls >= polls + 5, "five more polls");
        Assert.True(host.LiveState.GetDevice(DeviceId)!.Status.IsNoValidData);
        Assert.Equal(alarm.Id, host.Alarms.GetActive().Single(a => a is { DeviceId: DeviceId, Key: AlarmKeys.NoValidData }).Id);
        Assert.DoesNotContain(host.Alarms.GetActive(), a => a is { DeviceId: DeviceId, Key: AlarmKeys.CommLost });
        Assert.All(host.LiveState.GetDevice(DeviceId)!.Points, p => Assert.False(p.IsLive));

        using var client = host.CreateClient();
        var metrics = await client.GetStringAsync("metrics");
        Assert.Contains($"dcops_device_up{{device=\"{DeviceId}\",site=\"DC-KALTIM\"}} 0", metrics, StringComparison.Ordinal);
        Assert.Contains("dcops_device_up{device=\"ups-1\",site=\"DC-KALTIM\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains($"dcops_alarm_active{{device=\"{DeviceId}\",alarm=\"device.no_valid_data\",severity=\"critical\",site=\"DC-KALTIM\"}} 1", metrics, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Device(int port)
    {
        const string prefix = "Monitoring:Devices:8:";
        return new()
        {
            [prefix + "Id"] = DeviceId,
            [prefix + "Name"] = DeviceId,
            [prefix + "Kind"] = "Ups",
            [prefix + "Protocol"] = "Snmp",
            [prefix + "Host"] = "127.0.0.1",
            [prefix + "Port"] = port.ToString(CultureInfo.InvariantCulture),
            [prefix + "Community"] = OverrideSnmpd.Community,
            [prefix + "Profile"] = "ups-rfc1628",
            [prefix + "IntervalSeconds"] = SimulatedRoomHost.IntervalSeconds.ToString(CultureInfo.InvariantCulture),
            [prefix + "TimeoutSeconds"] = "1",
        };
    }
}
