using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DataCenterOps.Monitoring.Traps;
using DataCenterOps.Tests.Monitoring.Polling;

namespace DataCenterOps.Tests.Monitoring.Traps;

/// <summary>
/// RFC 3414 timeliness and replay protection for authenticated SNMPv3 traps, with net-snmp's snmptrap -v3 setting its
/// engine boots/time (<c>-Z BOOTS,TIME</c>) and a datagram captured from it sent again.
/// </summary>
public sealed class NetSnmpV3TrapReplayTests : IAsyncLifetime
{
    private const string SenderEngineId = "0x80001f8880c0ffee0001020304";
    private const string User = "replay-v3";
    private const string AuthPassword = "replay-auth-secret";
    private const string PrivPassword = "replay-priv-secret";
    private TrapHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TrapHost.StartAsync(600, new Dictionary<string, string?>
        {
            ["Monitoring:Traps:Users:0:User"] = User,
            ["Monitoring:Traps:Users:0:AuthProtocol"] = "SHA-256",
            ["Monitoring:Traps:Users:0:AuthPassword"] = AuthPassword,
            ["Monitoring:Traps:Users:0:PrivProtocol"] = "AES",
            ["Monitoring:Traps:Users:0:PrivPassword"] = PrivPassword,
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string[] Trap(string sink, string bootsAndTime) =>
        ["-v3", "-e", SenderEngineId, "-Z", bootsAndTime, "-u", User, "-l", "authPriv", "-a", "SHA-256", "-A", AuthPassword,
            "-x", "AES", "-X", PrivPassword, sink, "", "1.3.6.1.2.1.33.2.1"];

    private string Sink => "127.0.0.1:" + _host.TrapPort.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task TrapsBehindTheSendersKnownClock_AreDroppedAndCounted_NewerOnesAreAccepted()
    {
        await SendAsync("7,10000");
        await Eventually.TrueAsync(() => _host.TrapLog.GetRecent().Count == 1, "the first trap accepted", TimeSpan.FromSeconds(30));

        await SendAsync("7,9000");   // same boots, 1000 s behind: outside the 150 s window
        await SendAsync("6,20000");  // older boots
        await Eventually.TrueAsync(() => _host.Statistics.Dropped(TrapDropReason.NotInTimeWindow) == 2, "two traps dropped as not in time window", TimeSpan.FromSeconds(30));

        await SendAsync("7,9950");   // within 150 s of what the sender's clock reads now
        await SendAsync("8,5");      // the sender rebooted
        await Eventually.TrueAsync(() => _host.TrapLog.GetRecent().Count == 3, "the timely traps accepted", TimeSpan.FromSeconds(30));
        Assert.Equal(2, _host.Statistics.Dropped(TrapDropReason.NotInTimeWindow));
        Assert.Equal(0, _host.Statistics.Dropped(TrapDropReason.AuthFailed));
        var metrics = await _host.CreateClient().GetStringAsync("/metrics");
        Assert.Contains("reason=\"not_in_time_window\"} 2", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACapturedAuthenticatedTrap_SentAgain_IsDroppedAsReplayed()
    {
        using var capture = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var capturePort = ((IPEndPoint)capture.Client.LocalEndPoint!).Port;
        var receive = capture.ReceiveAsync();
        var (exit, output) = await NetSnmpTrapTool.TrapAsync(Trap("127.0.0.1:" + capturePort.ToString(CultureInfo.InvariantCulture), "3,500"));
        Assert.True(exit == 0, output);
        var datagram = (await receive.WaitAsync(TimeSpan.FromSeconds(10))).Buffer;

        using var sender = new UdpClient(AddressFamily.InterNetwork);
        await sender.SendAsync(datagram, _host.TrapEndpoint);
        await Eventually.TrueAsync(() => _host.TrapLog.GetRecent().Count == 1, "the original accepted", TimeSpan.FromSeconds(30));
        await sender.SendAsync(datagram, _host.TrapEndpoint);

        await Eventually.TrueAsync(() => _host.Statistics.Dropped(TrapDropReason.Replayed) == 1, "the replay dropped", TimeSpan.FromSeconds(30));
        Assert.Single(_host.TrapLog.GetRecent());
    }

    private async Task SendAsync(string bootsAndTime)
    {
        var (exit, output) = await NetSnmpTrapTool.TrapAsync(Trap(Sink, bootsAndTime));
        Assert.True(exit == 0, output);
    }
}
