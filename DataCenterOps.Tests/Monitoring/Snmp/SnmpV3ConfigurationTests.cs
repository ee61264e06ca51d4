using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Tests.Monitoring.Devices;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>The V3… device keys and Simulator:V3Users: checked at start with messages naming the key; credentials built from them.</summary>
public sealed class SnmpV3ConfigurationTests
{
    private static readonly ProfileCatalog Catalog = ProfileCatalog.Load();

    private static DeviceOptions V3Device(Action<DeviceOptions>? change = null)
    {
        var device = TestDevices.Ups();
        device.Community = null;
        device.SnmpVersion = SnmpVersion.V3;
        device.V3User = "dcops-sim";
        device.V3AuthProtocol = "SHA-256";
        device.V3AuthPassword = "demo-auth-not-secret";
        device.V3PrivProtocol = "AES-256";
        device.V3PrivPassword = "demo-priv-not-secret";
        device.V3Context = "ups-1";
        change?.Invoke(device);
        return device;
    }

    private static string Problems(DeviceOptions device)
    {
        var result = new MonitoringOptionsValidator(Catalog).Validate(null, new MonitoringOptions { Devices = [device] });
        return result.Succeeded ? "" : result.FailureMessage ?? "";
    }

    [Fact]
    public void AV3Device_WithUserAndBothPasswords_IsValid_AndReadAsAuthPriv()
    {
        var device = V3Device();

        Assert.Equal("", Problems(device));
        var credentials = Assert.IsType<SnmpUsmCredentials>(SnmpDeviceReader.Credentials(device));
        Assert.Equal(SnmpSecurityLevel.AuthPriv, credentials.SecurityLevel);
        Assert.Equal((SnmpAuthProtocol.Sha256, SnmpPrivProtocol.Aes256, "ups-1"), (credentials.AuthProtocol, credentials.PrivProtocol, credentials.ContextName));
    }

    [Fact]
    public void TheSecurityLevel_FollowsFromThePasswordsGiven()
    {
        var authOnly = V3Device(d => (d.V3PrivProtocol, d.V3PrivPassword) = (null, null));
        var none = V3Device(d => (d.V3PrivProtocol, d.V3PrivPassword, d.V3AuthProtocol, d.V3AuthPassword) = (null, null, null, null));

        Assert.Equal("", Problems(authOnly) + Problems(none));
        Assert.Equal(SnmpSecurityLevel.AuthNoPriv, ((SnmpUsmCredentials)SnmpDeviceReader.Credentials(authOnly)).SecurityLevel);
        Assert.Equal(SnmpSecurityLevel.NoAuthNoPriv, ((SnmpUsmCredentials)SnmpDeviceReader.Credentials(none)).SecurityLevel);
    }

    [Fact]
    public void V3WithoutAUser_IsRefused()
    {
        Assert.Contains("Monitoring:Devices[0] 'ups-1': V3User is required for SNMPv3", Problems(V3Device(d => d.V3User = "")), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProtocolNames_AreRefused_ListingTheKnownOnes()
    {
        var problems = Problems(V3Device(d => (d.V3AuthProtocol, d.V3PrivProtocol) = ("SHA-3", "3DES")));

        Assert.Contains("V3AuthProtocol 'SHA-3' is not known (known: MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512)", problems, StringComparison.Ordinal);
        Assert.Contains("V3PrivProtocol '3DES' is not known (known: DES, AES, AES-192, AES-256)", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortPasswords_AreRefused_WithoutShowingThem()
    {
        var problems = Problems(V3Device(d => (d.V3AuthPassword, d.V3PrivPassword) = ("short1", "short2")));

        Assert.Contains("V3AuthPassword must be at least 8 characters (net-snmp refuses shorter)", problems, StringComparison.Ordinal);
        Assert.Contains("V3PrivPassword must be at least 8 characters", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("short1", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void PrivacyWithoutAuthentication_AndAProtocolWithoutPassword_AreRefused()
    {
        var problems = Problems(V3Device(d => (d.V3AuthPassword, d.V3AuthProtocol) = (null, "SHA")));

        Assert.Contains("V3AuthProtocol is set but V3AuthPassword is empty", problems, StringComparison.Ordinal);
        Assert.Contains("V3PrivPassword needs V3AuthPassword too", problems, StringComparison.Ordinal);
    }

    [Fact]
    public void V3KeysOnAV2cDevice_AreRefused()
    {
        var device = TestDevices.Ups();
        device.V3User = "someone";

        Assert.Contains("SnmpVersion is V2c (set SnmpVersion to V3)", Problems(device), StringComparison.Ordinal);
        Assert.Contains("SnmpVersion must be V2c or V3", Problems(V3Device(d => d.SnmpVersion = SnmpVersion.V1)), StringComparison.Ordinal);
    }

    [Fact]
    public void SimulatorV3Users_AreChecked_WithTheirIndex()
    {
        var options = new SimulatorOptions
        {
            V3Users = [new() { User = "a", AuthProtocol = "SHA-256", AuthPassword = "long-enough-1" }, new() { User = "", PrivPassword = "x" }],
            EngineId = "zz",
        };

        var result = new SimulatorOptionsValidator(Catalog).Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains("Simulator:V3Users[1] '': User is required for SNMPv3", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Simulator:V3Users[1] '': PrivProtocol is required with PrivPassword", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Simulator:EngineId must be 5–32 bytes in hex", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("V3Users[0]", result.FailureMessage, StringComparison.Ordinal);
    }
}
