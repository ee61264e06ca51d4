using System.Globalization;
using System.Text.Json;
using DataCenterOps.Monitoring;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Tests.Monitoring.Snmp;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Monitoring.Polling;

/// <summary>
/// One devices file for both sides, as a large site (or the scale benchmark) lists them: the simulator serves every entry
/// (<c>Simulator:DevicesFile</c>) and the poller polls every entry (<c>Monitoring:DevicesFile</c>) over real loopback
/// sockets, with the poll slots left to fit the fleet.
/// </summary>
public sealed class DevicesFileEndToEndTests
{
    private const int Snmp = 450;
    private const int Modbus = 50;

    [Fact]
    public async Task Poller_PollsEveryDeviceOfTheFile_ThatTheSimulatorServesFromTheSameFile()
    {
        using var temp = new TempDirectory();
        var snmpPort = FreePorts.Udp();
        var modbusPort = FreePorts.Tcp();
        var file = temp.Write("devices.json", Fleet(snmpPort, modbusPort));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = temp.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Monitoring:DataDirectory"] = temp.Path,
            ["Monitoring:Traps:Port"] = "0",
            ["Monitoring:DevicesFile"] = "devices.json", // relative to the content root
            ["Simulator:DevicesFile"] = file,
            ["Simulator:SnmpPort"] = snmpPort.ToString(CultureInfo.InvariantCulture),
            ["Simulator:ModbusPort"] = modbusPort.ToString(CultureInfo.InvariantCulture),
            ["Simulator:TrapSinks:0"] = "",
        });
        builder.AddMonitoring();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var options = host.Services.GetRequiredService<IOptions<MonitoringOptions>>().Value;
            Assert.Equal(Snmp + Modbus, options.Devices.Count);
            Assert.Null(options.MaxConcurrentPolls);
            Assert.Equal(Snmp + Modbus, host.Services.GetRequiredService<ISimulatorControl>().Devices.Count);

            var live = host.Services.GetRequiredService<LiveStateStore>();
            await Eventually.TrueAsync(() => live.GetDevices().Count(d => d.Status.SuccessfulPolls >= 2) == Snmp + Modbus, "every device polled twice");

            // A real manager reads a device that exists only in the file.
            var lines = await NetSnmpTool.RunAsync("snmpget", ["-v2c", "-c", $"env-snmp-{Snmp}", "-On", $"127.0.0.1:{snmpPort}", "1.3.6.1.2.1.1.5.0"], TimeSpan.FromSeconds(20));
            Assert.Contains(lines, l => l.StartsWith(".1.3.6.1.2.1.1.5.0 = STRING:", StringComparison.Ordinal));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static string Fleet(int snmpPort, int modbusPort)
    {
        var entries = new List<string>();
        for (var i = 1; i <= Snmp; i++)
        {
            entries.Add(JsonSerializer.Serialize(new
            {
                Id = $"env-snmp-{i}", Kind = "Environment", Protocol = "Snmp", Host = "127.0.0.1", Port = snmpPort, Profile = "env-snmp",
                IntervalSeconds = 1, TimeoutSeconds = 2, Community = $"env-snmp-{i}",
            }));
        }

        for (var i = 1; i <= Modbus; i++)
        {
            entries.Add(JsonSerializer.Serialize(new
            {
                Id = $"env-{i}", Kind = "Environment", Protocol = "ModbusTcp", Host = "127.0.0.1", Port = modbusPort, Profile = "env-modbus",
                IntervalSeconds = 1, TimeoutSeconds = 2, UnitId = i,
            }));
        }

        return "[\n" + string.Join(",\n", entries) + "\n]\n";
    }
}
