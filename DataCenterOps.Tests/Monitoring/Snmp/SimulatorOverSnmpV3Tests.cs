using System.Text.Json;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Tests.Monitoring.Devices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>
/// The simulator as hosted, with the v3 user shipped in appsettings.json: our device reader and net-snmp's
/// snmpget -v3 read a simulated UPS, the device chosen by contextName.
/// </summary>
public sealed class SimulatorOverSnmpV3Tests : IAsyncLifetime
{
    private IHost _host = null!;
    private SimulatorListeners _listeners = null!;
    private Dictionary<string, string?> _shippedUser = [];

    public async Task InitializeAsync()
    {
        _shippedUser = ShippedV3User();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:SnmpPort"] = "0",
            ["Simulator:ModbusPort"] = "0",
        }.Concat(_shippedUser.Select(p => KeyValuePair.Create("Simulator:V3Users:0:" + p.Key, p.Value))));
        builder.AddSimulator();
        _host = builder.Build();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StartAsync(cts.Token);
        _listeners = await _host.Services.GetRequiredService<SimulatorHostedService>().Listening.WaitAsync(cts.Token);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task DeviceReader_ReadsASimulatedUps_OverV3AuthPriv()
    {
        await using var client = new SnmpClient();
        var reader = new SnmpDeviceReader(client, ProfileCatalog.Load());
        var device = TestDevices.Ups("ups-1");
        device.Port = _listeners.Snmp.Port;
        device.Community = null;
        device.SnmpVersion = SnmpVersion.V3;
        device.V3User = _shippedUser["User"];
        device.V3AuthProtocol = _shippedUser["AuthProtocol"];
        device.V3AuthPassword = _shippedUser["AuthPassword"];
        device.V3PrivProtocol = _shippedUser["PrivProtocol"];
        device.V3PrivPassword = _shippedUser["PrivPassword"];
        device.V3Context = "ups-1";

        var result = await reader.ReadAsync(device, CancellationToken.None);

        Assert.Contains(result.Points, p => p.Point == "battery.charge" && p.Quality == PointQuality.Good);
        Assert.True(result.Points.Count(p => p.Quality == PointQuality.Good) > 5);
    }

    [Fact]
    public async Task Snmpget_V3_ReadsASimulatedUps_WithTheShippedUser()
    {
        var lines = await NetSnmpTool.RunAsync("snmpget",
        [
            "-v3", "-l", "authPriv", "-u", _shippedUser["User"]!, "-a", _shippedUser["AuthProtocol"]!, "-A", _shippedUser["AuthPassword"]!,
            "-x", _shippedUser["PrivProtocol"]!, "-X", _shippedUser["PrivPassword"]!, "-n", "ups-2", "-On", "-r", "1", "-t", "3",
            $"127.0.0.1:{_listeners.Snmp.Port}", "1.3.6.1.2.1.33.1.4.1.0",
        ], TimeSpan.FromSeconds(30));

        Assert.Equal(".1.3.6.1.2.1.33.1.4.1.0 = INTEGER: 3", Assert.Single(lines));
    }

    /// <summary>Simulator:V3Users:0 as shipped in the root appsettings.json.</summary>
    private static Dictionary<string, string?> ShippedV3User()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataCenterOps.sln")))
        {
            directory = directory.Parent;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory!.FullName, "appsettings.json")));
        var user = json.RootElement.GetProperty("Simulator").GetProperty("V3Users")[0];
        return user.EnumerateObject().ToDictionary(p => p.Name, p => (string?)p.Value.GetString());
    }
}
