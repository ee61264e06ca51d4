using System.Globalization;
using System.Net.Sockets;
using System.Net;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Traps;
using DataCenterOps.Tests.Monitoring.Polling;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Traps;

/// <summary>What the receiver drops, and that a flood stays away from the poller. Real UDP on loopback.</summary>
public sealed class TrapReceiverRobustnessTests
{
    [Fact]
    public async Task MalformedOversizedAndBrokenV3Datagrams_AreCountedAndDropped_AndNothingIsLogged()
    {
        await using var host = await TrapHost.StartAsync(600);
        using var sender = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        byte[][] malformed =
        [
            [0x30, 0x06, 0x02, 0x01, 0x00, 0x04, 0x7F, 0x41], // a lying length (ntopng)
            [0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF],              // length wrap
            [0x30, 0x80, 0x00, 0x00],                          // indefinite length
            TrapPackets.Message(SnmpPduType.GetRequest, "ups-1", 1, TrapOids.UpsTrapOnBattery),
            [.. TrapPackets.V2Trap("ups-1", TrapOids.UpsTrapOnBattery), 0x00], // trailing byte
        ];
        foreach (var datagram in malformed)
        {
            await sender.SendAsync(datagram, host.TrapEndpoint);
        }

        await sender.SendAsync(new byte[9000], host.TrapEndpoint);
        var v3 = new byte[] { 0x30, 0x0E, 0x02, 0x01, 0x03, 0x30, 0x09, 0x02, 0x01, 0x01, 0x02, 0x01, 0x00, 0x04, 0x01, 0x04 };
        await sender.SendAsync(v3, host.TrapEndpoint);

        await Eventually.TrueAsync(
            () => host.Statistics.Dropped(TrapDropReason.Malformed) == malformed.Length + 1
                && host.Statistics.Dropped(TrapDropReason.Oversized) == 1,
            "every bad datagram counted",
            TimeSpan.FromSeconds(30));
        Assert.Empty(host.TrapLog.GetRecent());
        Assert.Equal(0, host.PollRequests.Requested);
        Assert.DoesNotContain(host.LogLines, line => line.Contains("EXCEPTION", StringComparison.Ordinal));

        using var http = host.CreateClient();
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains($"dcops_traps_dropped_total{{reason=\"malformed\"}} {malformed.Length + 1}\n", metrics, StringComparison.Ordinal);
        Assert.Contains("dcops_traps_dropped_total{reason=\"oversized\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("dcops_traps_dropped_total{reason=\"rate_limited\"} 0\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFloodFromOneSource_IsRateLimited_AndAConcurrentlyPolledDeviceMissesNoPoll()
    {
        await using var host = await TrapHost.StartAsync(0.3);
        await host.WaitAllUpAsync();
        var before = host.LiveState.GetDevice("ups-1")!.Status;

        // 50,000 valid-looking traps from another loopback address (an unknown sender), as fast as the socket takes them.
        using var flooder = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        flooder.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        var trap = TrapPackets.V2Trap("ups-1", TrapOids.UpsTrapOnBattery);
        await Task.Run(() =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                flooder.SendTo(trap, host.TrapEndpoint);
            }
        });

        // Let the poller run on for a few of its intervals after the flood.
        var target = host.SuccessfulPolls("ups-1") + 5;
        await Eventually.TrueAsync(() => host.SuccessfulPolls("ups-1") >= target, "five more polls of ups-1");

        var after = host.LiveState.GetDevice("ups-1")!.Status;
        Assert.Equal(before.FailedPolls, after.FailedPolls); // no missed polls
        Assert.Equal(0, after.ConsecutiveMisses);
        Assert.True(host.Statistics.Dropped(TrapDropReason.RateLimited) > 0, "the flood was rate-limited");
        var processed = host.Statistics.Received(TrapStatistics.UnknownDevice, "upsTrapOnBattery");
        Assert.InRange(processed, 1, 50_000 - host.Statistics.Dropped(TrapDropReason.RateLimited));
        Assert.Equal(0, host.PollRequests.Requested); // 127.0.0.2 is no device's Host
        Assert.True(host.LogLines.Count(l => l.Contains("unknown sender", StringComparison.Ordinal)) <= 1);
    }

    [Fact]
    public async Task ASecondCopy_WhoseTrapPortIsTaken_StartsAndLogsOneClearLineNamingThePortAndTheKey()
    {
        using var taken = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)taken.Client.LocalEndPoint!).Port;

        await using var host = await TrapHost.StartAsync(600, trapPort: port);

        var receiver = (TrapReceiver)host.App.Services.GetService(typeof(TrapReceiver))!;
        Assert.Null(await receiver.Listening);
        var line = Assert.Single(host.LogLines, l => l.Contains("Trap receiver not started", StringComparison.Ordinal));
        Assert.Contains(port.ToString(CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.Contains("Monitoring:Traps:Port", line, StringComparison.Ordinal);
        Assert.DoesNotContain("EXCEPTION", line, StringComparison.Ordinal);
        await host.WaitAllUpAsync(); // the rest of monitoring runs
    }

    [Fact]
    public async Task Start_FailsNamingTheKey_WhenBindAddressIsNotAnAddress()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            TrapHost.StartAsync(600, new Dictionary<string, string?> { ["Monitoring:Traps:BindAddress"] = "mgmt-lan" }));

        Assert.Contains("Monitoring:Traps:BindAddress 'mgmt-lan' is not an IP address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V3Users_AreBoundAndValidated_AndTheHostLogsItsEngineIdAndUsers_WithoutPasswords()
    {
        var users = new Dictionary<string, string?>
        {
            ["Monitoring:Traps:Users:0:User"] = "nms",
            ["Monitoring:Traps:Users:0:AuthProtocol"] = "SHA-256",
            ["Monitoring:Traps:Users:0:AuthPassword"] = "authpass-123",
            ["Monitoring:Traps:Users:0:PrivProtocol"] = "AES",
            ["Monitoring:Traps:Users:0:PrivPassword"] = "privpass-123",
        };
        await using (var host = await TrapHost.StartAsync(600, users))
        {
            Assert.Contains(host.LogLines, l => l.Contains("Trap receiver SNMPv3: engine ID 8000000005", StringComparison.Ordinal) && l.Contains("users nms", StringComparison.Ordinal));
            Assert.DoesNotContain(host.LogLines, l => l.Contains("not supported yet", StringComparison.Ordinal));
            Assert.DoesNotContain(host.LogLines, l => l.Contains("authpass-123", StringComparison.Ordinal) || l.Contains("privpass-123", StringComparison.Ordinal));
        }

        users["Monitoring:Traps:Users:0:AuthPassword"] = "short";
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TrapHost.StartAsync(600, users));
        Assert.Contains("Monitoring:Traps:Users[0]: AuthPassword must be at least 8 characters", error.Message, StringComparison.Ordinal);
    }
}
