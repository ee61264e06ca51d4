using System.Globalization;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Traps;
using DataCenterOps.Tests.Monitoring.Polling;

namespace DataCenterOps.Tests.Monitoring.Traps;

/// <summary>
/// Simulator:TrapVersion V3: the simulated UPSs' upsTrapOnBattery as an SNMPv3 authPriv (SHA-256/AES) trap as
/// Simulator:TrapUser, the simulator's engine (Simulator:EngineId) authoritative — received by net-snmp's snmptrapd
/// knowing only that engine ID and the user's passwords, and by our own receiver, which attributes it by the user.
/// </summary>
public sealed class SimulatorV3TrapTests
{
    private const string EngineId = "8000000005A1B2C3D4E5F60718";
    private const string User = "dcops-trap";
    private const string AuthPassword = "sim-trap-auth-secret";
    private const string PrivPassword = "sim-trap-priv-secret";

    [Fact]
    public async Task MainsFailure_WithTrapVersionV3_NetSnmpTrapdReceivesUpsTrapOnBatteryAsTheV3User_FromEachUpsContext()
    {
        await using var trapd = await NetSnmpTrapDaemon.StartAsync(
            $"createUser -e 0x{EngineId} {User} SHA-256 {AuthPassword} AES {PrivPassword}\nauthUser log {User}\n");
        var extra = SimulatorV3();
        extra["Simulator:TrapSinks:0"] = $"127.0.0.1:{trapd.Port.ToString(CultureInfo.InvariantCulture)}";
        await using var host = await TrapHost.StartAsync(600, extra);
        await host.WaitAllUpAsync();

        host.Simulator.Start(SimulatorScenarios.MainsFailure);

        static bool IsOnBattery(string line) => line.StartsWith("TRAP ", StringComparison.Ordinal) &&
            line.Contains(".1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.2.1.33.2.1,", StringComparison.Ordinal);
        await Eventually.TrueAsync(() => trapd.Lines.Count(IsOnBattery) == 2, "upsTrapOnBattery from both UPSs in snmptrapd's output", TimeSpan.FromSeconds(60));
        var received = trapd.Lines.Where(IsOnBattery).ToList();
        Assert.Contains(received, l => l.Contains($"TRAP2, SNMP v3, user {User}, context ups-1 |", StringComparison.Ordinal));
        Assert.Contains(received, l => l.Contains($"TRAP2, SNMP v3, user {User}, context ups-2 |", StringComparison.Ordinal));
        Assert.All(received, l =>
        {
            Assert.Contains(".1.3.6.1.2.1.33.1.2.3.0 = INTEGER: ", l, StringComparison.Ordinal); // upsEstimatedMinutesRemaining
            Assert.Contains(".1.3.6.1.2.1.33.1.9.7.0 = INTEGER: 5", l, StringComparison.Ordinal); // upsConfigLowBattTime
        });
        Assert.DoesNotContain(trapd.Lines, l => l.Contains("Authentication failed", StringComparison.OrdinalIgnoreCase) ||
            l.Contains("decryption", StringComparison.OrdinalIgnoreCase) || l.Contains("not in time window", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(host.LogLines, l => l.Contains($"SNMPv3 traps as USM user {User} (AuthPriv) from engine {EngineId}", StringComparison.Ordinal));
        AssertNoSecretLogged(host);
    }

    [Fact]
    public async Task MainsFailure_WithTrapVersionV3_OurReceiverWithTheSameUser_AttributesUpsTrapOnBatteryToTheDevice()
    {
        var extra = SimulatorV3();
        extra["Monitoring:Traps:Users:0:User"] = User;
        extra["Monitoring:Traps:Users:0:AuthProtocol"] = "SHA-256";
        extra["Monitoring:Traps:Users:0:AuthPassword"] = AuthPassword;
        extra["Monitoring:Traps:Users:0:PrivProtocol"] = "AES";
        extra["Monitoring:Traps:Users:0:PrivPassword"] = PrivPassword;
        // Both UPSs share one address and one user; the trap's contextName tells them apart.
        foreach (var (index, id) in new[] { (0, "ups-1"), (1, "ups-2") })
        {
            extra[$"Monitoring:Devices:{index}:SnmpVersion"] = "V3";
            extra[$"Monitoring:Devices:{index}:V3User"] = User;
            extra[$"Monitoring:Devices:{index}:V3AuthProtocol"] = "SHA-256";
            extra[$"Monitoring:Devices:{index}:V3AuthPassword"] = AuthPassword;
            extra[$"Monitoring:Devices:{index}:V3PrivProtocol"] = "AES";
            extra[$"Monitoring:Devices:{index}:V3PrivPassword"] = PrivPassword;
            extra[$"Monitoring:Devices:{index}:V3Context"] = id;
        }

        await using var host = await TrapHost.StartAsync(600, extra);
        await host.WaitAllUpAsync();
        var pollsBefore = host.SuccessfulPolls("ups-1");

        host.Simulator.Start(SimulatorScenarios.MainsFailure);

        await Eventually.TrueAsync(() => host.TrapLog.GetRecent().Any(e => e is { TrapName: "upsTrapOnBattery", DeviceId: "ups-1" }),
            "upsTrapOnBattery attributed to ups-1", TimeSpan.FromSeconds(60));
        var entry = host.TrapLog.GetRecent().First(e => e is { TrapName: "upsTrapOnBattery", DeviceId: "ups-1" });
        Assert.Equal(SnmpVersion.V3, entry.Version);
        Assert.False(entry.IsInform);
        Assert.Contains("1.3.6.1.2.1.33.1.9.7.0 = 5", entry.Varbinds, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => host.SuccessfulPolls("ups-1") > pollsBefore, "an out-of-cycle poll of ups-1", TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => host.TrapLog.GetRecent().Any(e => e is { TrapName: "upsTrapOnBattery", DeviceId: "ups-2" }),
            "ups-2's own upsTrapOnBattery attributed to ups-2", TimeSpan.FromSeconds(60));
        Assert.All(host.TrapLog.GetRecent(), e => Assert.Equal(SnmpVersion.V3, e.Version));
        Assert.DoesNotContain(host.TrapLog.GetRecent(), e => e.IsUnknownSender);
        Assert.Equal(0, host.Statistics.Dropped(TrapDropReason.AuthFailed));
        Assert.Equal(0, host.Statistics.Dropped(TrapDropReason.NotInTimeWindow));
        Assert.Equal(0, host.Statistics.Dropped(TrapDropReason.Replayed));
        AssertNoSecretLogged(host);
    }

    private static Dictionary<string, string?> SimulatorV3() => new()
    {
        ["Simulator:EngineId"] = EngineId,
        ["Simulator:TrapVersion"] = "V3",
        ["Simulator:TrapUser"] = User,
        ["Simulator:V3Users:0:User"] = User,
        ["Simulator:V3Users:0:AuthProtocol"] = "SHA-256",
        ["Simulator:V3Users:0:AuthPassword"] = AuthPassword,
        ["Simulator:V3Users:0:PrivProtocol"] = "AES",
        ["Simulator:V3Users:0:PrivPassword"] = PrivPassword,
    };

    private static void AssertNoSecretLogged(TrapHost host) =>
        Assert.DoesNotContain(host.LogLines, l => l.Contains(AuthPassword, StringComparison.Ordinal) || l.Contains(PrivPassword, StringComparison.Ordinal));
}
