using DataCenterOps.Monitoring;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Monitoring.Devices;

/// <summary><c>Monitoring:DevicesFile</c>: read at start through the real registration, checked by the same rules as configured devices.</summary>
public sealed class DevicesFileTests
{
    private const string Good = """
        [
          // the UPS room
          { "Id": "ups-9", "Name": "UPS 9", "Kind": "Ups", "Protocol": "Snmp", "Host": "127.0.0.1", "Port": 1,
            "Profile": "ups-rfc1628", "Community": "s3cret-ups-9", "ScaleOverrides": { "battery.voltage": 1.0 } },
          { "id": "crac-9", "kind": "cooling", "protocol": "ModbusTcp", "host": "127.0.0.1", "port": 1,
            "profile": "crac-modbus", "unitId": 9, "intervalSeconds": 5,
            "Thresholds": { "supply.temperature": { "HighWarning": 24 } } },
        ]
        """;

    [Fact]
    public async Task Start_AddsTheFileDevices_AfterTheConfiguredOnes()
    {
        using var temp = new TempDirectory();
        var config = Config(temp, temp.Write("devices.json", Good));

        using var host = await StartAsync(config);

        var options = host.Services.GetRequiredService<IOptions<MonitoringOptions>>().Value;
        Assert.Equal(["ups-1", "ups-9", "crac-9"], options.Devices.Select(d => d.Id));
        var crac = options.Find("crac-9")!;
        Assert.Equal((DeviceKind.Cooling, DeviceProtocol.ModbusTcp, 9, 5.0), (crac.Kind, crac.Protocol, crac.UnitId, crac.IntervalSeconds));
        Assert.Equal(24, crac.Thresholds["supply.temperature"].HighWarning);
        Assert.Equal(1.0, options.Find("ups-9")!.ScaleOverrides["battery.voltage"]);
        Assert.True(host.Services.GetRequiredService<DeviceCatalog>().IsConfigured("crac-9"));
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_FailsNamingTheLine_WhenAFileEntryBreaksADeviceRule()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("devices.json", Good.Replace("\"port\": 1,", "\"port\": 70000,", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(Config(temp, file)));

        Assert.Contains("Monitoring:DevicesFile line 5 'crac-9': Port must be 1–65535", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FailsNamingTheLine_WhenAFileDeviceReusesAConfiguredId()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("devices.json", Good.Replace("\"ups-9\"", "\"ups-1\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(Config(temp, file)));

        Assert.Contains("Monitoring:DevicesFile line 3 'ups-1': Id is used by another device", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FailsNamingTheLineAndField_WhenAFieldIsMisspelt()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("devices.json", Good.Replace("\"Community\"", "\"Comunity\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(Config(temp, file)));

        Assert.Contains("Monitoring:DevicesFile line 3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Comunity'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NamesTheLineAndField_WithoutQuotingTheValue_WhenAValueHasTheWrongType()
    {
        var json = "[\n{ \"Id\": \"a\", \"Port\": 1 },\n\n{ \"Id\": \"b\",\n  \"Port\": \"s3cret\" }\n]"u8;

        var content = DeviceFile.Parse<DeviceOptions>(json, "Monitoring:DevicesFile", allowUnknownFields: false);

        var problem = Assert.Single(content.Problems);
        Assert.StartsWith("Monitoring:DevicesFile line 4: ", problem, StringComparison.Ordinal);
        Assert.Contains("$.Port", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", problem, StringComparison.Ordinal);
        Assert.Empty(content.Entries);
    }

    [Theory]
    [InlineData("{ \"Id\": \"a\" }", "line 1: the file must be a JSON array")]
    [InlineData("[\n  \"ups-1\"\n]", "line 2: every entry must be a JSON object")]
    [InlineData("[\n  { \"Id\": \"a\" },\n  { \"Id\": \"b\" \n", "line 3: ")]
    [InlineData("", "line 1: ")]
    public void Parse_Refuses_WhatIsNotAnArrayOfDevices(string json, string expected)
    {
        var content = DeviceFile.Parse<DeviceOptions>(System.Text.Encoding.UTF8.GetBytes(json), "Monitoring:DevicesFile", allowUnknownFields: false);

        Assert.Contains(expected, Assert.Single(content.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeepsEachEntrysStartLine()
    {
        var json = "[\n{ \"Id\": \"a\" },\n\n  {\n \"Id\": \"b\" }, { \"Id\": \"c\" }\n]"u8;

        var content = DeviceFile.Parse<DeviceOptions>(json, "k", allowUnknownFields: false);

        Assert.Empty(content.Problems);
        Assert.Equal([(2, "a"), (4, "b"), (5, "c")], content.Entries.Select(e => (e.Line, e.Device.Id)));
    }

    [Fact]
    public async Task Start_FailsNamingTheFile_WhenItIsMissing()
    {
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(Config(temp, "no-such-devices.json")));

        Assert.Contains("Monitoring:DevicesFile '", error.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-devices.json' cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadsTenThousandDevices_WithEveryOneValid()
    {
        var lines = Enumerable.Range(1, 10_000).Select(i =>
            $$"""{ "Id": "env-{{i}}", "Kind": "Environment", "Protocol": "Snmp", "Host": "127.0.0.1", "Port": 16161, "Profile": "env-snmp", "Community": "env-{{i}}" }""");
        var json = System.Text.Encoding.UTF8.GetBytes("[\n" + string.Join(",\n", lines) + "\n]");

        var content = DeviceFile.Parse<DeviceOptions>(json, "Monitoring:DevicesFile", allowUnknownFields: false);

        Assert.Empty(content.Problems);
        Assert.Equal(10_000, content.Entries.Count);
        Assert.Equal(10_001, content.Entries[^1].Line);
        var validator = new MonitoringOptionsValidator(ProfileCatalog.Load(null));
        var options = new MonitoringOptions { Devices = [.. content.Entries.Select(e => e.Device)] };
        Assert.True(validator.Validate(null, options).Succeeded);
    }

    private static Dictionary<string, string?> Config(TempDirectory temp, string file) => new()
    {
        ["Monitoring:DataDirectory"] = temp.Path,
        ["Simulator:Enabled"] = "false",
        ["Monitoring:Traps:Port"] = "0",
        ["Monitoring:DevicesFile"] = file,
        ["Monitoring:Devices:0:Id"] = "ups-1",
        ["Monitoring:Devices:0:Kind"] = "Ups",
        ["Monitoring:Devices:0:Protocol"] = "Snmp",
        ["Monitoring:Devices:0:Host"] = "127.0.0.1",
        ["Monitoring:Devices:0:Port"] = "1",
        ["Monitoring:Devices:0:Profile"] = "ups-rfc1628",
        ["Monitoring:Devices:0:Community"] = "ups-1",
        ["Monitoring:Devices:0:IntervalSeconds"] = "3600",
    };

    private static async Task<IHost> StartAsync(Dictionary<string, string?> config)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = config["Monitoring:DataDirectory"] });
        builder.Configuration.AddInMemoryCollection(config);
        builder.AddMonitoring();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
