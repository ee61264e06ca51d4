using System.Globalization;
using DataCenterOps.Monitoring.Commissioning;
using DataCenterOps.Tests.Monitoring.Snmp;

namespace DataCenterOps.Tests.Monitoring.Commissioning;

/// <summary>The probe against net-snmp's snmpd with v3 users (createUser/rouser): the agent's own sysObjectID, its Reports.</summary>
public sealed class ProbeSnmpdV3Tests(SnmpdV3Fixture snmpd) : IClassFixture<SnmpdV3Fixture>
{
    private string Address => "snmp://127.0.0.1:" + snmpd.Endpoint.Port.ToString(CultureInfo.InvariantCulture);

    private string[] V3(string authPassword) =>
        [Address, "-v", "3", "-u", SnmpdV3Fixture.UserFor("SHA-256", "AES"), "-l", "authPriv", "-a", "SHA-256", "-A", authPassword,
            "-x", "AES", "-X", SnmpdV3Fixture.PrivPassword];

    [Fact]
    public async Task AWrongAuthPassword_Exits4_WithTheWrongDigestMessage()
    {
        var probe = await ProbeOutput.RunAsync(V3("wrong-pass-9"));

        Assert.Equal(ProbeCommand.DeviceError, probe.Code);
        Assert.Contains($"error: SNMPv3: wrong authentication password for user '{SnmpdV3Fixture.UserFor("SHA-256", "AES")}'", probe.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pass-9", probe.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownUser_Exits4_NamingTheUser()
    {
        var probe = await ProbeOutput.RunAsync(Address, "-v", "3", "-u", "nobody-here", "-l", "noAuthNoPriv");

        Assert.Equal(ProbeCommand.DeviceError, probe.Code);
        Assert.Contains("unknown user 'nobody-here'", probe.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgentNoProfileFits_IsIdentified_ThenAUsageErrorAskingForAProfile()
    {
        var probe = await ProbeOutput.RunAsync(V3(SnmpdV3Fixture.AuthPassword));

        Assert.Equal(ProbeCommand.UsageError, probe.Code);
        Assert.Contains("sysObjectID  1.3.6.1.4.1.8072.", probe.Text, StringComparison.Ordinal);
        Assert.Contains("No SNMP profile matches this agent", probe.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGivenProfile_IsReadOverV3_AndPointsTheAgentLacksShowAsNotAvailable()
    {
        var probe = await ProbeOutput.RunAsync([.. V3(SnmpdV3Fixture.AuthPassword), "--profile", "ups-rfc1628"]);

        Assert.Equal(ProbeCommand.ReadOk, probe.Code);
        Assert.Contains("profile      ups-rfc1628 (given)", probe.Text, StringComparison.Ordinal);
        Assert.StartsWith("not available", probe.Point("battery.voltage").Check, StringComparison.Ordinal);
        Assert.Contains("warning: the device answered but gave no point a value", probe.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(SnmpdV3Fixture.PrivPassword, probe.Text, StringComparison.Ordinal);
    }
}
