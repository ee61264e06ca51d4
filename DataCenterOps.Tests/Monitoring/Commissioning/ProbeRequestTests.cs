using DataCenterOps.Monitoring.Commissioning;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Tests.Monitoring.Commissioning;

/// <summary>The probe's command line becomes the DeviceOptions a configured device would have (net-snmp's spelling for v3).</summary>
public sealed class ProbeRequestTests
{
    [Fact]
    public void NetSnmpsV3Letters_BecomeTheDevicesV3Keys()
    {
        var request = ProbeRequest.Parse(["probe", "snmp://10.0.0.5", "-v", "3", "-u", "ops", "-l", "authPriv",
            "-a", "SHA-512", "-A", "auth-pass-1", "-x", "AES-256", "-X", "priv-pass-1", "-n", "ups-7"]);

        var device = request.Device;
        Assert.Equal((DeviceProtocol.Snmp, "10.0.0.5", 161, SnmpVersion.V3), (device.Protocol, device.Host, device.Port, device.SnmpVersion));
        Assert.Equal(("ops", "SHA-512", "auth-pass-1", "AES-256", "priv-pass-1", "ups-7"),
            (device.V3User, device.V3AuthProtocol, device.V3AuthPassword, device.V3PrivProtocol, device.V3PrivPassword, device.V3Context));
        Assert.DoesNotContain("pass-1", request.Security, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLevel_DropsPasswordsItDoesNotUse_AsNetSnmpDoes()
    {
        var device = ProbeRequest.Parse(["probe", "snmp://h", "-v", "3", "-u", "ops", "-l", "authNoPriv",
            "-a", "SHA", "-A", "auth-pass-1", "-x", "DES", "-X", "priv-pass-1"]).Device;

        Assert.Equal(("SHA", "auth-pass-1", null, null), (device.V3AuthProtocol, device.V3AuthPassword, device.V3PrivProtocol, device.V3PrivPassword));
    }

    [Fact]
    public void V2c_IsTheDefault_WithTheCommunityGiven_AndModbusTakesTheUnitFromTheQuery()
    {
        var snmp = ProbeRequest.Parse(["probe", "--community", "ro-7", "snmp://[::1]:1161"]).Device;
        var modbus = ProbeRequest.Parse(["probe", "modbus://gw.example:1502?unit=7", "--profile", "crac-modbus"]);

        Assert.Equal((SnmpVersion.V2c, "ro-7", "::1", 1161), (snmp.SnmpVersion, snmp.Community, snmp.Host, snmp.Port));
        Assert.Equal((DeviceProtocol.ModbusTcp, "gw.example", 1502, (int?)7), (modbus.Device.Protocol, modbus.Device.Host, modbus.Device.Port, modbus.Device.UnitId));
        Assert.Equal("crac-modbus", modbus.Profile);
        Assert.Equal((502, (int?)1), (ProbeRequest.Parse(["probe", "modbus://gw"]).Device.Port, ProbeRequest.Parse(["probe", "modbus://gw"]).Device.UnitId));
    }

    [Fact]
    public void ASecretGivenAsEnvName_IsReadFromThatEnvironmentVariable()
    {
        var variable = "DCOPS_PROBE_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "from-the-env-1");
        try
        {
            var device = ProbeRequest.Parse(["probe", "snmp://h", "-v", "3", "-u", "ops", "-a", "SHA", "-A", "env:" + variable]).Device;
            Assert.Equal("from-the-env-1", device.V3AuthPassword);
            Assert.Equal("from-the-env-1", ProbeRequest.Parse(["probe", "snmp://h", "-c", "env:" + variable]).Device.Community);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        Assert.Throws<ProbeUsageException>(() => ProbeRequest.Parse(["probe", "snmp://h", "-c", "env:" + variable]));
    }

    [Theory]
    [InlineData("snmp://h", "-v", "3", "-u", "ops", "-l", "authPriv", "-a", "SHA", "-A", "auth-pass-1")]   // no -X
    [InlineData("snmp://h", "-v", "3", "-u", "ops", "-A", "auth-pass-1")]                                  // no -a
    [InlineData("snmp://h", "-v", "3", "-u", "ops", "-a", "SHA-999", "-A", "auth-pass-1")]                 // unknown protocol
    [InlineData("snmp://h", "-v", "3", "-l", "noAuthNoPriv")]                                             // no user
    [InlineData("snmp://h", "-v", "2c", "-u", "ops")]                                                     // v3 option on v2c
    [InlineData("snmp://h", "-v", "1")]
    [InlineData("snmp://h", "-c")]                                                                         // no value
    [InlineData("snmp://h", "--frobnicate", "1")]
    [InlineData("snmp://h", "--scale", "battery.voltage=0")]
    [InlineData("snmp://h", "-t", "0")]
    [InlineData("snmp://user:pw@h")]
    [InlineData("snmp://h/path")]
    [InlineData("snmp://h?unit=1")]
    [InlineData("modbus://h?slave=1")]
    [InlineData("modbus://h", "-c", "public")]
    [InlineData("snmp://a", "snmp://b")]
    public void AMistake_IsAUsageError(params string[] args) =>
        Assert.Throws<ProbeUsageException>(() => ProbeRequest.Parse(["probe", .. args]));
}
