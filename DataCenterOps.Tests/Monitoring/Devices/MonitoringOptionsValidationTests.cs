using DataCenterOps.Monitoring;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Monitoring.Devices;

public sealed class MonitoringOptionsValidationTests
{
    [Fact]
    public async Task Start_FailsWithTheEntryNamed_WhenADevicePortIsOutOfRange()
    {
        using var temp = new TempDirectory();
        var config = Valid(temp.Path);
        config["Monitoring:Devices:3:Port"] = "70000";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(config));

        Assert.Contains("Monitoring:Devices[3] 'crac-2': Port must be 1–65535", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ListsEveryProblem_WhenEntriesLackRequiredFields()
    {
        using var temp = new TempDirectory();
        var config = Valid(temp.Path);
        config["Monitoring:Devices:0:Community"] = "";
        config["Monitoring:Devices:3:UnitId"] = null;
        config["Monitoring:Devices:1:Id"] = "ups-1";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(config));

        Assert.Contains("Monitoring:Devices[0] 'ups-1': Community is required for an SNMP device", error.Message, StringComparison.Ordinal);
        Assert.Contains("Monitoring:Devices[1] 'ups-1': Id is used by another device", error.Message, StringComparison.Ordinal);
        Assert.Contains("Monitoring:Devices[3] 'crac-2': UnitId (0–255) is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Fails_WhenThresholdLimitsAreOutOfOrder()
    {
        using var temp = new TempDirectory();
        var config = Valid(temp.Path);
        config["Monitoring:Devices:0:Thresholds:battery.charge:HighWarning"] = "90";
        config["Monitoring:Devices:0:Thresholds:battery.charge:HighCritical"] = "80";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(config));

        Assert.Contains("Monitoring:Devices[0] 'ups-1': Thresholds 'battery.charge': limits must be ordered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Succeeds_WithValidEntries()
    {
        using var temp = new TempDirectory();
        var config = Valid(temp.Path);
        config["Monitoring:Devices:0:ScaleOverrides:battery.voltage"] = "1.0";

        using var host = await StartAsync(config);

        var options = (IOptions<DataCenterOps.Monitoring.Devices.MonitoringOptions>)host.Services.GetService(typeof(IOptions<DataCenterOps.Monitoring.Devices.MonitoringOptions>))!;
        Assert.Equal(1.0, options.Value.Devices[0].ScaleOverrides["battery.voltage"]);
        Assert.Equal(temp.Path, options.Value.DataDirectory);
        await host.StopAsync();
    }

    private static Dictionary<string, string?> Valid(string dataDirectory)
    {
        // No simulated room here, and the trap receiver on a free port: the default ports may be taken by a running app or another test.
        var config = new Dictionary<string, string?> { ["Monitoring:DataDirectory"] = dataDirectory, ["Simulator:Enabled"] = "false", ["Monitoring:Traps:Port"] = "0" };
        (string Id, string Kind, string Protocol, int Port)[] devices =
        [
            ("ups-1", "Ups", "Snmp", 1),
            ("ups-2", "Ups", "Snmp", 1),
            ("crac-1", "Cooling", "ModbusTcp", 1),
            ("crac-2", "Cooling", "ModbusTcp", 1),
        ];
        for (var i = 0; i < devices.Length; i++)
        {
            var (id, kind, protocol, port) = devices[i];
            var prefix = $"Monitoring:Devices:{i}:";
            config[prefix + "Id"] = id;
            config[prefix + "Name"] = id;
            config[prefix + "Kind"] = kind;
            config[prefix + "Protocol"] = protocol;
            config[prefix + "Host"] = "127.0.0.1";
            config[prefix + "Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            config[prefix + "Profile"] = protocol == "Snmp" ? "ups-rfc1628" : "crac-modbus";
            config[prefix + "IntervalSeconds"] = "3600";
            if (protocol == "Snmp")
            {
                config[prefix + "Community"] = id;
            }
            else
            {
                config[prefix + "UnitId"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return config;
    }

    private static async Task<IHost> StartAsync(Dictionary<string, string?> config)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
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
