using System.Diagnostics;
using System.Globalization;
using DataCenterOps.Monitoring.Commissioning;
using DataCenterOps.Tests.Monitoring.Polling;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Commissioning;

/// <summary>
/// <c>dotnet DataCenterOps.Web.dll probe …</c> as an operator runs it, against net-snmp's snmpd serving a UPS whose
/// card scales the battery voltage ×10 wrong (hundredths of a volt where RFC 1628 says tenths), and against nothing.
/// </summary>
public sealed class ProbeProcessTests
{
    private const string Ups = "1.3.6.1.2.1.33.1.";

    private static readonly (string Oid, string Type, string Value)[] TenfoldBattery =
    [
        (Ups + "1.1.0", "octet_str", "\"Acme Power\""),    // upsIdentManufacturer
        (Ups + "1.2.0", "octet_str", "\"Acme 10K\""),      // upsIdentModel
        (Ups + "2.1.0", "integer", "2"),                   // upsBatteryStatus normal
        (Ups + "2.2.0", "integer", "0"),                   // upsSecondsOnBattery
        (Ups + "2.3.0", "integer", "31"),                  // upsEstimatedMinutesRemaining
        (Ups + "2.4.0", "integer", "100"),                 // upsEstimatedChargeRemaining %
        (Ups + "2.5.0", "integer", "27160"),               // upsBatteryVoltage: 271.6 V sent in 0.01 V, the profile says 0.1 V
        (Ups + "2.7.0", "integer", "24"),                  // upsBatteryTemperature °C
        (Ups + "3.1.0", "counter", "3"),                   // upsInputLineBads
        (Ups + "3.3.1.2.1", "integer", "500"),             // input frequency 0.1 Hz
        (Ups + "3.3.1.3.1", "integer", "221"),             // input voltage V
        (Ups + "4.1.0", "integer", "3"),                   // upsOutputSource normal
        (Ups + "4.2.0", "integer", "500"),                 // output frequency 0.1 Hz
        (Ups + "4.4.1.2.1", "integer", "220"),             // output voltage V
        (Ups + "4.4.1.5.1", "integer", "37"),              // output percent load
        (Ups + "6.1.0", "unsigned", "0"),                  // upsAlarmsPresent
    ];

    [Fact]
    public async Task AgainstSnmpd_AUpsWithATenfoldBatteryVoltage_IsMatchedByUpsIdent_AndFlaggedImplausible_Exit0()
    {
        await using var snmpd = await OverrideSnmpd.StartAsync(TenfoldBattery);

        var (code, text) = await RunAsync(Address(snmpd.Endpoint.Port), "--community", OverrideSnmpd.Community);

        Assert.Equal(ProbeCommand.ReadOk, code);
        Assert.Contains("upsIdent     Acme Power Acme 10K", text, StringComparison.Ordinal);
        Assert.Contains("profile      ups-rfc1628 (matched: the agent answers RFC 1628 upsIdentManufacturer)", text, StringComparison.Ordinal);
        var battery = Row(text, "battery.voltage");
        Assert.Matches(@"^battery\.voltage +27160 +2716 +V +- +IMPLAUSIBLE: outside 0…1000 V, check the scale \(×10\?\)", battery);
        Assert.Contains("ScaleOverrides \"battery.voltage\": 0.01", battery, StringComparison.Ordinal);
        Assert.Matches(@"^input\.frequency +500 +50 +Hz +- +ok$", Row(text, "input.frequency"));
        Assert.Matches(@"^output\.source +3 +3 +- +normal +ok$", Row(text, "output.source"));
        Assert.Contains("14 point(s) read in 1 request(s): 13 ok, 1 implausible, 0 without a value.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(OverrideSnmpd.Community, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgainstSnmpd_TheSuggestedScaleOverride_MakesTheBatteryVoltagePlausible()
    {
        await using var snmpd = await OverrideSnmpd.StartAsync(TenfoldBattery);

        var (code, text) = await RunAsync(Address(snmpd.Endpoint.Port), "-c", OverrideSnmpd.Community, "--scale", "battery.voltage=0.01");

        Assert.Equal(ProbeCommand.ReadOk, code);
        Assert.Matches(@"^battery\.voltage +27160 +271\.6 +V +- +ok$", Row(text, "battery.voltage"));
        Assert.Contains("0 implausible", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APortWhereNothingAnswers_Exits4_WithTheTimeout()
    {
        var (code, text) = await RunAsync(Address(FreePorts.Udp()), "-t", "0.3", "-r", "0");

        Assert.Equal(ProbeCommand.DeviceError, code);
        Assert.Contains("error: No reply from 127.0.0.1:", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:161")]
    [InlineData("snmp://")]
    [InlineData("not a url")]
    [InlineData("modbus://127.0.0.1:502?unit=300")]
    public async Task ABadAddress_Exits2_WithTheUsage(string address)
    {
        var (code, text) = await RunAsync(address);

        Assert.Equal(ProbeCommand.UsageError, code);
        Assert.Contains("error: ", text, StringComparison.Ordinal);
        Assert.Contains("Usage: DataCenterOps.Web probe snmp://HOST[:PORT]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAddress_Exits2()
    {
        var (code, text) = await RunAsync();

        Assert.Equal(ProbeCommand.UsageError, code);
        Assert.Contains("Give the device address", text, StringComparison.Ordinal);
    }

    private static string Address(int port) => "snmp://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    private static string Row(string text, string point) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(point + " ", StringComparison.Ordinal));

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DataCenterOps.Web.dll"));
        start.ArgumentList.Add(ProbeCommand.Name);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
