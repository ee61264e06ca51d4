using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Traps;
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

namespace DataCenterOps.Tests.Monitoring.Traps;

/// <summary>
/// A minimal web app with AddMonitoring: the simulated room on fresh loopback ports, the SNMP devices ups-1, ups-2 and
/// env-1 polled at <c>intervalSeconds</c>, and the trap receiver on a free UDP port. Log lines are kept for assertions.
/// </summary>
public sealed class TrapHost : IAsyncDisposable
{
    public static readonly string[] DeviceIds = ["ups-1", "ups-2", "env-1"];

    private readonly TempDirectory _temp = new();
    private WebApplication? _app;
    private bool _started;

    public WebApplication App => _app ?? throw new InvalidOperationException("Start the host first.");

    public ConcurrentQueue<string> LogLines { get; } = new();

    public int TrapPort { get; private set; }

    public IPEndPoint TrapEndpoint => new(IPAddress.Loopback, TrapPort);

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public LiveStateStore LiveState => App.Services.GetRequiredService<LiveStateStore>();

    public AlarmService Alarms => App.Services.GetRequiredService<AlarmService>();

    public TrapLog TrapLog => App.Services.GetRequiredService<TrapLog>();

    public TrapStatistics Statistics => App.Services.GetRequiredService<TrapStatistics>();

    public PollRequests PollRequests => App.Services.GetRequiredService<PollRequests>();

    public ISimulatorControl Simulator => App.Services.GetRequiredService<ISimulatorControl>();

    public static async Task<TrapHost> StartAsync(double intervalSeconds, IDictionary<string, string?>? extra = null, int? trapPort = null)
    {
        var host = new TrapHost();
        try
        {
            await host.StartCoreAsync(intervalSeconds, extra, trapPort);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public long SuccessfulPolls(string deviceId) => LiveState.GetDevice(deviceId)!.Status.SuccessfulPolls;

    public Task WaitAllUpAsync() =>
        Polling.Eventually.TrueAsync(() => DeviceIds.All(id => LiveState.GetDevice(id)!.Status.IsUp), "every device up");

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            if (_started)
            {
                await _app.StopAsync();
            }

            await _app.DisposeAsync();
        }

        _temp.Dispose();
    }

    private async Task StartCoreAsync(double intervalSeconds, IDictionary<string, string?>? extra, int? trapPort)
    {
        var snmpPort = FreePorts.Udp();
        TrapPort = trapPort ?? FreePorts.Udp();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _temp.Path, EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new LineLoggerProvider(LogLines));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _temp.Path,
            ["Monitoring:DataDirectory"] = _temp.Path,
            ["Simulator:Enabled"] = "true",
            ["Simulator:SnmpPort"] = snmpPort.ToString(CultureInfo.InvariantCulture),
            ["Simulator:ModbusPort"] = FreePorts.Tcp().ToString(CultureInfo.InvariantCulture),
            ["Simulator:TickInterval"] = "00:00:00.100",
            ["Monitoring:Traps:Port"] = TrapPort.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < DeviceIds.Length; i++)
        {
            var id = DeviceIds[i];
            var prefix = $"Monitoring:Devices:{i}:";
            settings[prefix + "Id"] = id;
            settings[prefix + "Name"] = id;
            settings[prefix + "Kind"] = id.StartsWith("ups", StringComparison.Ordinal) ? "Ups" : "Environment";
            settings[prefix + "Protocol"] = "Snmp";
            settings[prefix + "Host"] = "127.0.0.1";
            settings[prefix + "Port"] = snmpPort.ToString(CultureInfo.InvariantCulture);
            settings[prefix + "Community"] = id;
            settings[prefix + "Profile"] = id.StartsWith("ups", StringComparison.Ordinal) ? "ups-rfc1628" : "env-snmp";
            settings[prefix + "IntervalSeconds"] = intervalSeconds.ToString(CultureInfo.InvariantCulture);
            settings[prefix + "TimeoutSeconds"] = "1";
        }

        builder.Configuration.AddInMemoryCollection(settings);
        if (extra is not null)
        {
            builder.Configuration.AddInMemoryCollection(extra);
        }

        builder.AddMonitoring();
        // /metrics only: the read API is closed here (the real app's API policy is tested over HTTP).
        builder.Services.AddAuthorizationBuilder().AddPolicy("closed", p => p.RequireAssertion(_ => false));
        _app = builder.Build();
        _app.MapMonitoringEndpoints("closed");
        await _app.StartAsync();
        _started = true;
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private sealed class LineLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new LineLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class LineLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " EXCEPTION " + exception)}");
            }
        }
    }
}
