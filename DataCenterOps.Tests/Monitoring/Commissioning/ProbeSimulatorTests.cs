using System.Globalization;
using System.Text.Json;
using DataCenterOps.Monitoring.Commissioning;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Tests.Monitoring.Simulation;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Commissioning;

/// <summary>
/// The probe (through the entry method Program calls) against the simulated room as hosted, on a fake clock so that
/// the values hold still: SNMP v2c and v3 with the demo user shipped in appsettings.json, and Modbus TCP.
/// </summary>
public sealed class ProbeSimulatorTests : IAsyncLifetime
{
    private static readonly string[] RoomPoints = ["battery.charge", "battery.voltage", "input.voltage", "input.frequency", "output.load", "output.source"];

    private SimulatorHostFixture _sim = null!;
    private Dictionary<string, string> _user = [];

    private string Snmp => "snmp://127.0.0.1:" + _sim.Listeners.Snmp.Port.ToString(CultureInfo.InvariantCulture);

    private string Modbus(int unit) => string.Create(CultureInfo.InvariantCulture, $"modbus://127.0.0.1:{_sim.Listeners.Modbus.Port}?unit={unit}");

    public async Task InitializeAsync()
    {
        _user = ShippedV3User();
        _sim = await SimulatorHostFixture.StartAsync(_user.ToDictionary(p => "Simulator:V3Users:0:" + p.Key, p => (string?)p.Value));
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task OverV2c_TheSimulatedUpsMatchesUpsRfc1628_BySysObjectId_AndEveryPointShowsTheRoomsValue()
    {
        var probe = await ProbeOutput.RunAsync(Snmp, "--community", "ups-1");

        Assert.Equal(ProbeCommand.ReadOk, probe.Code);
        Assert.Contains("sysDescr     DataCenterOps simulated UPS ups-1 (profile ups-rfc1628)", probe.Text, StringComparison.Ordinal);
        Assert.Contains("sysObjectID  1.3.6.1.2.1.33", probe.Text, StringComparison.Ordinal);
        Assert.Contains("profile      ups-rfc1628 (matched: sysObjectID 1.3.6.1.2.1.33", probe.Text, StringComparison.Ordinal);
        foreach (var point in RoomPoints)
        {
            Assert.Equal(_sim.Room.GetValue("ups-1", point), probe.Point(point).Number, 4);
        }

        var profile = ProfileCatalog.Load().Get("ups-rfc1628");
        Assert.All(profile.Points, p => Assert.Equal("ok", probe.Point(p.Name).Check));
        var voltage = probe.Point("battery.voltage");
        Assert.Equal(("V", voltage.Number * 10), (voltage.Unit, voltage.RawNumber));
        Assert.Equal("normal", probe.Point("output.source").State);
        Assert.Contains("SNMP v2c (community given, not shown)", probe.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverV3AuthPriv_WithTheShippedDemoUser_TheContextPicksTheUps_AndNoPasswordIsPrinted()
    {
        var probe = await ProbeOutput.RunAsync(Snmp, "-v", "3", "-u", _user["User"], "-l", "authPriv",
            "-a", _user["AuthProtocol"], "-A", _user["AuthPassword"], "-x", _user["PrivProtocol"], "-X", _user["PrivPassword"], "-n", "ups-2");

        Assert.Equal(ProbeCommand.ReadOk, probe.Code);
        Assert.Contains("SNMP v3, user 'dcops-sim', authPriv SHA-256/AES, context 'ups-2' (passwords not shown)", probe.Text, StringComparison.Ordinal);
        Assert.Contains("profile      ups-rfc1628 (matched:", probe.Text, StringComparison.Ordinal);
        foreach (var point in RoomPoints)
        {
            Assert.Equal(_sim.Room.GetValue("ups-2", point), probe.Point(point).Number, 4);
        }

        Assert.DoesNotContain(_user["AuthPassword"], probe.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_user["PrivPassword"], probe.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverV3_TheLongOptionForms_ReadTheSameAsNetSnmpsLetters()
    {
        var probe = await ProbeOutput.RunAsync(Snmp, "--v3-user=" + _user["User"], "--v3-level", "authPriv",
            "--v3-auth-protocol", _user["AuthProtocol"], "--v3-auth-password", _user["AuthPassword"],
            "--v3-priv-protocol", _user["PrivProtocol"], "--v3-priv-password=" + _user["PrivPassword"], "--v3-context", "env-1");

        Assert.Equal(ProbeCommand.ReadOk, probe.Code);
        Assert.Contains("profile      env-snmp (matched: sysObjectID 1.3.6.1.4.1.5528", probe.Text, StringComparison.Ordinal);
        Assert.Equal(_sim.Room.GetValue("env-1", "temperature"), probe.Point("temperature").Number, 4);
    }

    [Fact]
    public async Task OverV3_AWrongAuthPassword_Exits4_WithTheTypedErrorsOperatorMessage()
    {
        var probe = await ProbeOutput.RunAsync(Snmp, "-v", "3", "-u", _user["User"], "-l", "authPriv",
            "-a", _user["AuthProtocol"], "-A", "not-the-password", "-x", _user["PrivProtocol"], "-X", _user["PrivPassword"], "-n", "ups-1");

        Assert.Equal(ProbeCommand.DeviceError, probe.Code);
        Assert.Contains("error: SNMPv3: wrong authentication password for user 'dcops-sim'", probe.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", probe.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("POINT", probe.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverModbus_TheOnlyGensetProfile_ReadsEveryPointRawAndScaled_FromTheUnitInTheAddress()
    {
        var probe = await ProbeOutput.RunAsync(Modbus(1), "--kind", "Genset");

        Assert.Equal(ProbeCommand.ReadOk, probe.Code);
        Assert.Contains("profile      genset-dse-gencomm (the only Modbus profile of kind Genset)", probe.Text, StringComparison.Ordinal);
        var profile = ProfileCatalog.Load().Get("genset-dse-gencomm");
        foreach (var point in profile.Points)
        {
            var row = probe.Point(point.Name);
            Assert.Equal(_sim.Room.GetValue("genset-1", point.Name), row.Number, 4);
            Assert.Equal(point.ToRaw(row.Number), row.RawNumber);
            Assert.Equal("ok", row.Check);
        }

        Assert.Equal(("272", "27.2", "V"), (probe.Point("battery.voltage").Raw, probe.Point("battery.voltage").Value, probe.Point("battery.voltage").Unit));
        Assert.Equal("stopped", probe.Point("engine.state").State);
    }

    [Fact]
    public async Task OverModbus_AGivenProfile_ReadsThatUnit()
    {
        var probe = await ProbeOutput.RunAsync(Modbus(4), "--profile", "fire-panel-modbus");

        Assert.Equal(ProbeCommand.ReadOk, probe.Code);
        Assert.Equal("Normal", probe.Point("panel.state").State);
        Assert.Equal(_sim.Room.GetValue("fire-1", "agent.pressure"), probe.Point("agent.pressure").Number, 4);
    }

    [Fact]
    public async Task OverModbus_WithoutProfileOrKind_IsAUsageError_ListingTheModbusProfiles()
    {
        var probe = await ProbeOutput.RunAsync(Modbus(1));

        Assert.Equal(ProbeCommand.UsageError, probe.Code);
        Assert.Contains("needs --profile NAME or --kind KIND: crac-modbus, env-modbus, fire-panel-modbus, genset-dse-gencomm", probe.Text, StringComparison.Ordinal);
        Assert.Contains("Usage:", probe.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverModbus_NothingListening_Exits4()
    {
        var probe = await ProbeOutput.RunAsync(string.Create(CultureInfo.InvariantCulture, $"modbus://127.0.0.1:{FreePorts.Tcp()}?unit=1"), "--kind", "Genset");

        Assert.Equal(ProbeCommand.DeviceError, probe.Code);
        Assert.Contains("cannot connect", probe.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASnmpProfileGivenForAModbusAddress_IsAUsageError()
    {
        var probe = await ProbeOutput.RunAsync(Modbus(1), "--profile", "ups-rfc1628");

        Assert.Equal(ProbeCommand.UsageError, probe.Code);
        Assert.Contains("--profile 'ups-rfc1628' is a Snmp profile", probe.Text, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ShippedV3User()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataCenterOps.sln")))
        {
            directory = directory.Parent;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory!.FullName, "appsettings.json")));
        var user = json.RootElement.GetProperty("Simulator").GetProperty("V3Users")[0];
        return user.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}
