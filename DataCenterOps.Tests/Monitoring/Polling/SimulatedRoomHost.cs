using System.Globalization;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring;
using DataCenterOps.Tests.Monitoring.Devices;
using DataCenterOps.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Tests.Monitoring.Polling;

/// <summary>
/// A minimal web app (Kestrel on 127.0.0.1:0) with AddMonitoring, the simulated room on fresh loopback ports and
/// short intervals, the eight default devices, and a test sign-in scheme. Real sockets end to end.
/// </summary>
public sealed class SimulatedRoomHost : IAsyncDisposable
{
    public const double IntervalSeconds = 0.3;

    public static readonly string[] DeviceIds = ["ups-1", "ups-2", "genset-1", "crac-1", "crac-2", "fire-1", "env-1", "env-2"];

    private readonly TempDirectory _temp = new();
    private WebApplication? _app;

    public WebApplication App => _app ?? throw new InvalidOperationException("Start the host first.");

    private const string ClosedApiPolicy = "closed";

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public LiveStateStore LiveState => App.Services.GetRequiredService<LiveStateStore>();

    public AlarmService Alarms => App.Services.GetRequiredService<AlarmService>();

    public ISimulatorControl Simulator => App.Services.GetRequiredService<ISimulatorControl>();

    public static async Task<SimulatedRoomHost> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var host = new SimulatedRoomHost();
        try
        {
            await host.StartCoreAsync(extra);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Waits, bounded, until every device has answered at least once.</summary>
    public Task WaitAllUpAsync() => Eventually.TrueAsync(() => LiveState.GetDevices().All(d => d.Status.IsUp), "every device up");

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _temp.Dispose();
    }

    private async Task StartCoreAsync(IDictionary<string, string?>? extra)
    {
        var snmpPort = FreePorts.Udp();
        var modbusPort = FreePorts.Tcp();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _temp.Path, EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(Settings(snmpPort, modbusPort));
        if (extra is not null)
        {
            builder.Configuration.AddInMemoryCollection(extra);
        }

        // The JSON API's sign-in is the web app's (tested over the real app in Tests/Web/ApiKeyTests); here it is closed.
        builder.Services.AddAuthorizationBuilder().AddPolicy(ClosedApiPolicy, p => p.RequireAssertion(_ => false));
        builder.AddMonitoring();
        builder.AddSimulator(); // as Program.cs does: registering twice must be harmless
        _app = builder.Build();
        _app.UseAuthorization();
        _app.MapMonitoringEndpoints(ClosedApiPolicy);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private Dictionary<string, string?> Settings(int snmpPort, int modbusPort)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _temp.Path,
            ["Monitoring:DataDirectory"] = _temp.Path,
            ["Simulator:Enabled"] = "true",
            ["Simulator:SnmpPort"] = snmpPort.ToString(CultureInfo.InvariantCulture),
            ["Simulator:ModbusPort"] = modbusPort.ToString(CultureInfo.InvariantCulture),
            ["Simulator:TickInterval"] = "00:00:00.100",
            ["Monitoring:MissedPollsForCommLost"] = "3",
            ["Monitoring:Traps:Port"] = "0", // the host's own receiver on a free port; its simulator sends there
        };
        (string Id, string Kind, string Profile, int? Unit)[] devices =
        [
            ("ups-1", "Ups", "ups-rfc1628", null),
            ("ups-2", "Ups", "ups-rfc1628", null),
            ("genset-1", "Genset", "genset-dse-gencomm", 1),
            ("crac-1", "Cooling", "crac-modbus", 2),
            ("crac-2", "Cooling", "crac-modbus", 3),
            ("fire-1", "FireSuppression", "fire-panel-modbus", 4),
            ("env-1", "Environment", "env-snmp", null),
            ("env-2", "Environment", "env-modbus", 5),
        ];
        for (var i = 0; i < devices.Length; i++)
        {
            var (id, kind, profile, unit) = devices[i];
            var prefix = $"Monitoring:Devices:{i}:";
            settings[prefix + "Id"] = id;
            settings[prefix + "Name"] = id;
            settings[prefix + "Kind"] = kind;
            settings[prefix + "Protocol"] = unit is null ? "Snmp" : "ModbusTcp";
            settings[prefix + "Host"] = "127.0.0.1";
            settings[prefix + "Port"] = (unit is null ? snmpPort : modbusPort).ToString(CultureInfo.InvariantCulture);
            settings[prefix + "Profile"] = profile;
            settings[prefix + "IntervalSeconds"] = IntervalSeconds.ToString(CultureInfo.InvariantCulture);
            // Generous on a loaded machine: a healthy device must never miss a poll because the test box is busy.
            settings[prefix + "TimeoutSeconds"] = "1";
            settings[prefix + (unit is null ? "Community" : "UnitId")] = unit is null ? id : unit.Value.ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
