using System.Globalization;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Traps;
using DataCenterOps.Tests.Monitoring.Polling;

namespace DataCenterOps.Tests.Monitoring.Traps;

/// <summary>
/// net-snmp's snmptrap -v3 and snmpinform -v3 against our receiver, inside the app with the simulated room. ups-1 is an
/// SNMPv3 device with user <c>ups1-v3</c> (authPriv SHA-256/AES), ups-2 one with <c>ups2-v3</c> (authNoPriv SHA); both
/// on 127.0.0.1, so attribution can only come from the user.
/// </summary>
public sealed class NetSnmpV3TrapReceiverTests : IAsyncLifetime
{
    private const string SenderEngineId = "0x80001f8880a1b2c3d4e5f60708";
    private const string Ups1Auth = "ups1-auth-secret";
    private const string Ups1Priv = "ups1-priv-secret";
    private const string Ups2Auth = "ups2-auth-secret";
    private TrapHost _host = null!;

    private string Sink => $"127.0.0.1:{_host.TrapPort.ToString(CultureInfo.InvariantCulture)}";

    public async Task InitializeAsync()
    {
        var extra = new Dictionary<string, string?>
        {
            ["Simulator:V3Users:0:User"] = "ups1-v3",
            ["Simulator:V3Users:0:AuthProtocol"] = "SHA-256",
            ["Simulator:V3Users:0:AuthPassword"] = Ups1Auth,
            ["Simulator:V3Users:0:PrivProtocol"] = "AES",
            ["Simulator:V3Users:0:PrivPassword"] = Ups1Priv,
            ["Simulator:V3Users:1:User"] = "ups2-v3",
            ["Simulator:V3Users:1:AuthProtocol"] = "SHA",
            ["Simulator:V3Users:1:AuthPassword"] = Ups2Auth,
            ["Monitoring:Devices:0:SnmpVersion"] = "V3",
            ["Monitoring:Devices:0:V3User"] = "ups1-v3",
            ["Monitoring:Devices:0:V3AuthProtocol"] = "SHA-256",
            ["Monitoring:Devices:0:V3AuthPassword"] = Ups1Auth,
            ["Monitoring:Devices:0:V3PrivProtocol"] = "AES",
            ["Monitoring:Devices:0:V3PrivPassword"] = Ups1Priv,
            ["Monitoring:Devices:0:V3Context"] = "ups-1",
            ["Monitoring:Devices:1:SnmpVersion"] = "V3",
            ["Monitoring:Devices:1:V3User"] = "ups2-v3",
            ["Monitoring:Devices:1:V3AuthProtocol"] = "SHA",
            ["Monitoring:Devices:1:V3AuthPassword"] = Ups2Auth,
            ["Monitoring:Devices:1:V3Context"] = "ups-2",
            ["Monitoring:Traps:Users:0:User"] = "ups1-v3",
            ["Monitoring:Traps:Users:0:AuthProtocol"] = "SHA-256",
            ["Monitoring:Traps:Users:0:AuthPassword"] = Ups1Auth,
            ["Monitoring:Traps:Users:0:PrivProtocol"] = "AES",
            ["Monitoring:Traps:Users:0:PrivPassword"] = Ups1Priv,
            ["Monitoring:Traps:Users:1:User"] = "ups2-v3",
            ["Monitoring:Traps:Users:1:AuthProtocol"] = "SHA",
            ["Monitoring:Traps:Users:1:AuthPassword"] = Ups2Auth,
        };
        _host = await TrapHost.StartAsync(600, extra);
        await _host.WaitAllUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SnmptrapV3AuthPriv_WithTheSendersEngineId_IsAttributedToTheDeviceWithThatV3User()
    {
        var pollsBefore = _host.SuccessfulPolls("ups-1");

        var (exit, output) = await NetSnmpTrapTool.TrapAsync("-v3", "-e", SenderEngineId, "-u", "ups1-v3", "-l", "authPriv",
            "-a", "SHA-256", "-A", Ups1Auth, "-x", "AES", "-X", Ups1Priv, Sink, "", "1.3.6.1.2.1.33.2.1",
            "1.3.6.1.2.1.33.1.2.3.0", "i", "12");
        Assert.True(exit == 0, output);

        await Eventually.TrueAsync(() => _host.TrapLog.GetRecent().Count == 1, "the v3 trap in the trap log", TimeSpan.FromSeconds(30));
        var entry = _host.TrapLog.GetRecent().Single();
        Assert.Equal("ups-1", entry.DeviceId);
        Assert.Equal(SnmpVersion.V3, entry.Version);
        Assert.False(entry.IsInform);
        Assert.Equal("upsTrapOnBattery", entry.TrapName);
        Assert.Contains("1.3.6.1.2.1.33.1.2.3.0 = 12", entry.Varbinds, StringComparison.Ordinal);
        Assert.Equal(1, _host.Statistics.Received("ups-1", "upsTrapOnBattery"));
        await Eventually.TrueAsync(() => _host.SuccessfulPolls("ups-1") > pollsBefore, "an out-of-cycle poll of ups-1", TimeSpan.FromSeconds(30));
        Assert.Equal(0, _host.Statistics.Dropped(TrapDropReason.UnsupportedVersion));
        Assert.DoesNotContain(_host.LogLines, l => l.Contains(Ups1Auth, StringComparison.Ordinal) || l.Contains(Ups1Priv, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SnmptrapV3_AuthNoPriv_FromTheSameHost_IsAttributedByUser_NotByAddress()
    {
        var (exit, output) = await NetSnmpTrapTool.TrapAsync("-v3", "-e", SenderEngineId, "-u", "ups2-v3", "-l", "authNoPriv",
            "-a", "SHA", "-A", Ups2Auth, Sink, "", "1.3.6.1.2.1.33.2.2");
        Assert.True(exit == 0, output);

        await Eventually.TrueAsync(() => _host.TrapLog.GetRecent().Count == 1, "the v3 trap in the trap log", TimeSpan.FromSeconds(30));
        var entry = _host.TrapLog.GetRecent().Single();
        Assert.Equal("ups-2", entry.DeviceId);
        Assert.Equal("upsTrapTestCompleted", entry.TrapName);
    }

    [Fact]
    public async Task SnmpinformV3AuthPriv_DiscoversOurEngine_AndIsAnswered()
    {
        var (exit, output) = await NetSnmpTrapTool.InformAsync("-v3", "-u", "ups1-v3", "-l", "authPriv",
            "-a", "SHA-256", "-A", Ups1Auth, "-x", "AES", "-X", Ups1Priv, "-r", "1", "-t", "3", Sink, "", "1.3.6.1.2.1.33.2.1");
        Assert.True(exit == 0, output);

        var entry = Assert.Single(_host.TrapLog.GetRecent());
        Assert.True(entry.IsInform);
        Assert.Equal(SnmpVersion.V3, entry.Version);
        Assert.Equal("ups-1", entry.DeviceId);
        Assert.Equal(1, _host.Statistics.InformsAnswered);
        Assert.Equal(0, _host.Statistics.Dropped(TrapDropReason.AuthFailed));
    }

    [Fact]
    public async Task SnmpinformV3AuthNoPriv_DiscoversOurEngine_AndIsAnswered()
    {
        var (exit, output) = await NetSnmpTrapTool.InformAsync("-v3", "-u", "ups2-v3", "-l", "authNoPriv",
            "-a", "SHA", "-A", Ups2Auth, "-r", "1", "-t", "3", Sink, "", "1.3.6.1.2.1.33.2.2");
        Assert.True(exit == 0, output);

        var entry = Assert.Single(_host.TrapLog.GetRecent());
        Assert.True(entry.IsInform);
        Assert.Equal("ups-2", entry.DeviceId);
        Assert.Equal(1, _host.Statistics.InformsAnswered);
    }

    [Fact]
    public async Task WrongAuthPassword_IsCountedAsAuthFailed_ForTrapsAndInforms_AndNeverLoggedAsAnError()
    {
        var (trapExit, trapOutput) = await NetSnmpTrapTool.TrapAsync("-v3", "-e", SenderEngineId, "-u", "ups1-v3", "-l", "authPriv",
            "-a", "SHA-256", "-A", "not-the-password", "-x", "AES", "-X", Ups1Priv, Sink, "", "1.3.6.1.2.1.33.2.1");
        Assert.True(trapExit == 0, trapOutput);
        await Eventually.TrueAsync(() => _host.Statistics.Dropped(TrapDropReason.AuthFailed) == 1, "the trap counted as auth_failed", TimeSpan.FromSeconds(30));

        var (informExit, _) = await NetSnmpTrapTool.InformAsync("-v3", "-u", "ups2-v3", "-l", "authNoPriv",
            "-a", "SHA", "-A", "not-the-password", "-r", "0", "-t", "2", Sink, "", "1.3.6.1.2.1.33.2.2");
        Assert.NotEqual(0, informExit);
        Assert.Equal(2, _host.Statistics.Dropped(TrapDropReason.AuthFailed));

        Assert.Empty(_host.TrapLog.GetRecent());
        Assert.Equal(0, _host.Statistics.InformsAnswered);
        Assert.DoesNotContain(_host.LogLines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.Contains("EXCEPTION", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.LogLines, l => l.Contains("not-the-password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AKnownUserBelowItsSecurityLevel_IsRefused()
    {
        // ups1-v3 is authPriv: a noAuthNoPriv trap carrying only its name proves nothing.
        var (exit, output) = await NetSnmpTrapTool.TrapAsync("-v3", "-e", SenderEngineId, "-u", "ups1-v3", "-l", "noAuthNoPriv",
            Sink, "", "1.3.6.1.2.1.33.2.1");
        Assert.True(exit == 0, output);

        await Eventually.TrueAsync(() => _host.Statistics.Dropped(TrapDropReason.AuthFailed) == 1, "the trap counted as auth_failed", TimeSpan.FromSeconds(30));
        Assert.Empty(_host.TrapLog.GetRecent());
    }
}
