using System.Globalization;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Traps;
using DataCenterOps.Tests.Monitoring.Polling;

namespace DataCenterOps.Tests.Monitoring.Traps;

/// <summary>
/// net-snmp's snmptrap and snmpinform against our receiver, inside the app with the simulated room. Devices are polled
/// every 10 minutes, so any poll after the first one is the one a trap asked for.
/// </summary>
public sealed class NetSnmpTrapReceiverTests : IAsyncLifetime
{
    private const double SlowInterval = 600;
    private TrapHost _host = null!;

    private string Sink => $"127.0.0.1:{_host.TrapPort.ToString(CultureInfo.InvariantCulture)}";

    public async Task InitializeAsync()
    {
        _host = await TrapHost.StartAsync(SlowInterval);
        await _host.WaitAllUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SnmptrapV2c_FromTheDevicesHostWithItsCommunity_IsAttributedToIt_PollsItAtOnce_AndIsRecordedEverywhere()
    {
        var pollsBefore = _host.SuccessfulPolls("ups-1");

        var (exit, output) = await NetSnmpTrapTool.TrapAsync("-v2c", "-c", "ups-1", Sink, "", "1.3.6.1.2.1.33.2.1",
            "1.3.6.1.2.1.33.1.2.3.0", "i", "12", "1.3.6.1.2.1.33.1.2.2.0", "i", "30", "1.3.6.1.2.1.33.1.9.7.0", "i", "5");
        Assert.True(exit == 0, output);

        await Eventually.TrueAsync(() => _host.TrapLog.GetRecent().Count == 1, "the trap in the trap log", TimeSpan.FromSeconds(30));
        var entry = _host.TrapLog.GetRecent().Single();
        Assert.Equal("ups-1", entry.DeviceId);
        Assert.Equal("upsTrapOnBattery", entry.TrapName);
        Assert.Equal("1.3.6.1.2.1.33.2.1", entry.TrapOid);
        Assert.Equal(SnmpVersion.V2c, entry.Version);
        Assert.StartsWith("127.0.0.1:", entry.Source, StringComparison.Ordinal);
        Assert.Contains("1.3.6.1.2.1.33.1.2.3.0 = 12", entry.Varbinds, StringComparison.Ordinal);

        // The immediate poll: with a 10-minute interval no regular poll can come in between.
        await Eventually.TrueAsync(() => _host.SuccessfulPolls("ups-1") > pollsBefore, "an out-of-cycle poll of ups-1", TimeSpan.FromSeconds(30));
        Assert.Equal(1, _host.PollRequests.Requested);

        using var http = _host.CreateClient();
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("dcops_traps_received_total{device=\"ups-1\",trap=\"upsTrapOnBattery\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("ups-1\"} 1\ndcops_traps_received_total{device=\"unknown\"", metrics, StringComparison.Ordinal);

        var history = await _host.Alarms.GetHistoryAsync(new AlarmHistoryFilter("ups-1", AlarmKeys.Trap("upsTrapOnBattery")), CancellationToken.None);
        var row = Assert.Single(history);
        Assert.True(row.IsCleared);
        Assert.DoesNotContain(_host.Alarms.GetActive(), a => a.Key.StartsWith("trap.", StringComparison.Ordinal));
        var events = await _host.Alarms.GetEventsAsync(row.Id, CancellationToken.None);
        Assert.Equal(AlarmEventKind.Trap, Assert.Single(events).Kind);
    }

    [Fact]
    public async Task SnmptrapV1_EnterpriseSpecific_IsTranslatedToV2FormPerRfc3584_AndTheCommunityIsNeverShown()
    {
        var (exit, output) = await NetSnmpTrapTool.TrapAsync("-v1", "-c", "ups-2", Sink,
            "1.3.6.1.4.1.318", "127.0.0.1", "6", "5", "", "1.3.6.1.4.1.318.1.1.1.2.2.1.0", "i", "40");
        Assert.True(exit == 0, output);

        await Eventually.TrueAsync(() => _host.TrapLog.GetRecent().Count == 1, "the v1 trap in the trap log", TimeSpan.FromSeconds(30));
        var entry = _host.TrapLog.GetRecent().Single();
        Assert.Equal("ups-2", entry.DeviceId);
        Assert.Equal(SnmpVersion.V1, entry.Version);
        Assert.Equal("1.3.6.1.4.1.318.0.5", entry.TrapOid); // enterprise.0.specific
        Assert.Contains("1.3.6.1.4.1.318.1.1.1.2.2.1.0 = 40", entry.Varbinds, StringComparison.Ordinal);
        Assert.Contains("1.3.6.1.6.3.18.1.3.0 = 127.0.0.1", entry.Varbinds, StringComparison.Ordinal); // snmpTrapAddress.0
        Assert.Contains("1.3.6.1.6.3.18.1.4.0 = ***", entry.Varbinds, StringComparison.Ordinal); // snmpTrapCommunity.0, masked
        Assert.Contains("1.3.6.1.6.3.1.1.4.3.0 = 1.3.6.1.4.1.318", entry.Varbinds, StringComparison.Ordinal); // snmpTrapEnterprise.0
        Assert.DoesNotContain("ups-2", entry.Varbinds, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.LogLines, line => line.Contains("ups-2\"", StringComparison.Ordinal) || line.Contains("= ups-2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0", "coldStart")]
    [InlineData("1", "warmStart")]
    [InlineData("2", "linkDown")]
    [InlineData("3", "linkUp")]
    [InlineData("4", "authenticationFailure")]
    [InlineData("5", "1.3.6.1.6.3.1.1.5.6")]
    public async Task SnmptrapV1_GenericTrap_IsNamedByItsSnmpv2Oid(string generic, string expectedName)
    {
        var (exit, output) = await NetSnmpTrapTool.TrapAsync("-v1", "-c", "env-1", Sink, "1.3.6.1.4.1.8072.3.2.10", "127.0.0.1", generic, "0", "");
        Assert.True(exit == 0, output);

        await Eventually.TrueAsync(() => _host.TrapLog.GetRecent().Count == 1, "the generic trap", TimeSpan.FromSeconds(30));
        var entry = _host.TrapLog.GetRecent().Single();
        Assert.Equal(expectedName, entry.TrapName);
        Assert.Equal("env-1", entry.DeviceId);
        Assert.Equal("1.3.6.1.6.3.1.1.5." + (int.Parse(generic, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture), entry.TrapOid);
    }

    [Fact]
    public async Task SnmpinformV2c_IsAnsweredWithAResponse_SoSnmpinformExitsZero()
    {
        var (exit, output) = await NetSnmpTrapTool.InformAsync("-v2c", "-c", "ups-1", "-r", "0", "-t", "10", Sink, "",
            "1.3.6.1.2.1.33.2.3", "1.3.6.1.2.1.33.1.6.2.1.1.1", "i", "1", "1.3.6.1.2.1.33.1.6.2.1.2.1", "o", "1.3.6.1.2.1.33.1.6.3.2");

        Assert.True(exit == 0, "snmpinform exits 0 only when answered: " + output);
        Assert.Equal(1, _host.Statistics.InformsAnswered);
        var entry = Assert.Single(_host.TrapLog.GetRecent());
        Assert.True(entry.IsInform);
        Assert.Equal("upsTrapAlarmEntryAdded", entry.TrapName);
        Assert.Equal("ups-1", entry.DeviceId);
    }

    [Fact]
    public async Task Trap_WithACommunityNoDeviceHas_IsKeptAsUnknownSender_WithoutPollOrHistory()
    {
        var (exit, output) = await NetSnmpTrapTool.TrapAsync("-v2c", "-c", "not-a-device", Sink, "", "1.3.6.1.2.1.33.2.1");
        Assert.True(exit == 0, output);

        // The log line is the receiver's last step for an unknown sender (after the trap log and the count).
        await Eventually.TrueAsync(
            () => _host.LogLines.Any(line => line.Contains("unknown sender 127.0.0.1:", StringComparison.Ordinal)),
            "the unknown sender's log line", TimeSpan.FromSeconds(30));
        var entry = Assert.Single(_host.TrapLog.GetRecent());
        Assert.True(entry.IsUnknownSender);
        Assert.Null(entry.DeviceId);
        Assert.Equal(0, _host.PollRequests.Requested);
        Assert.Equal(1, _host.Statistics.Received(TrapStatistics.UnknownDevice, "upsTrapOnBattery"));
        var history = await _host.Alarms.GetHistoryAsync(new AlarmHistoryFilter(Key: AlarmKeys.Trap("upsTrapOnBattery")), CancellationToken.None);
        Assert.Empty(history);
        Assert.DoesNotContain(_host.LogLines, line => line.Contains("not-a-device", StringComparison.Ordinal));

        using var http = _host.CreateClient();
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("dcops_traps_received_total{device=\"unknown\",trap=\"upsTrapOnBattery\"} 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trap_WithTheRightCommunityFromAnotherAddress_IsUnknownSender()
    {
        var (exit, output) = await NetSnmpTrapTool.TrapAsync("--clientaddr=127.0.0.2", "-v2c", "-c", "ups-1", Sink, "", "1.3.6.1.2.1.33.2.1");
        Assert.True(exit == 0, output);

        await Eventually.TrueAsync(() => _host.TrapLog.GetRecent().Count == 1, "the trap in the trap log", TimeSpan.FromSeconds(30));
        var entry = _host.TrapLog.GetRecent().Single();
        Assert.StartsWith("127.0.0.2:", entry.Source, StringComparison.Ordinal);
        Assert.True(entry.IsUnknownSender);
        Assert.Equal(0, _host.PollRequests.Requested);
    }

    [Fact]
    public async Task UnknownSender_IsLoggedAtMostOncePerMinutePerSource()
    {
        for (var i = 0; i < 3; i++)
        {
            var (exit, output) = await NetSnmpTrapTool.TrapAsync("-v2c", "-c", "stranger", Sink, "", "1.3.6.1.4.1.99.0." + i.ToString(CultureInfo.InvariantCulture));
            Assert.True(exit == 0, output);
        }

        await Eventually.TrueAsync(() => _host.TrapLog.GetRecent().Count == 3, "three traps", TimeSpan.FromSeconds(30));
        Assert.Single(_host.LogLines, line => line.Contains("unknown sender", StringComparison.Ordinal));
        Assert.Equal(3, _host.TrapLog.GetRecent().Count(e => e.IsUnknownSender));
    }
}
