using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Traps;
using DataCenterOps.Tests.Monitoring.Devices;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Tests.Monitoring.Traps;

/// <summary>
/// The real app (<see cref="WebAppFactory"/> over the real Program): its simulated room on fresh loopback ports, every
/// shipped device polled at <c>intervalSeconds</c> (the SNMP ones, ups-1, ups-2 and env-1, are the trap senders here),
/// and the trap receiver on a free UDP port. Configuration is the only difference; the log goes to
/// <see cref="LogLines"/> (Information and up) instead of the console, for assertions.
/// </summary>
public sealed class TrapHost : IAsyncDisposable
{
    public static readonly string[] DeviceIds = ["ups-1", "ups-2", "env-1"];

    private TrapHost(WebAppFactory app, ConcurrentQueue<string> lines, int trapPort)
    {
        App = app;
        LogLines = lines;
        TrapPort = trapPort;
    }

    public WebAppFactory App { get; }

    public ConcurrentQueue<string> LogLines { get; }

    public int TrapPort { get; }

    public IPEndPoint TrapEndpoint => new(IPAddress.Loopback, TrapPort);

    public LiveStateStore LiveState => App.Services.GetRequiredService<LiveStateStore>();

    public AlarmService Alarms => App.Services.GetRequiredService<AlarmService>();

    public TrapLog TrapLog => App.Services.GetRequiredService<TrapLog>();

    public TrapStatistics Statistics => App.Services.GetRequiredService<TrapStatistics>();

    public PollRequests PollRequests => App.Services.GetRequiredService<PollRequests>();

    public ISimulatorControl Simulator => App.Services.GetRequiredService<ISimulatorControl>();

    public static async Task<TrapHost> StartAsync(double intervalSeconds, IDictionary<string, string?>? extra = null, int? trapPort = null)
    {
        var lines = new ConcurrentQueue<string>();
        var port = trapPort ?? FreePorts.Udp();
        var app = new WebAppFactory();
        app.LogSink = new LineLoggerProvider(lines);
        app.ExtraSettings["Logging:LogLevel:Default"] = "Information";
        app.ExtraSettings["Simulator:TickInterval"] = "00:00:00.100";
        app.ExtraSettings["Monitoring:Traps:Port"] = port.ToString(CultureInfo.InvariantCulture);
        foreach (var (index, _) in WebAppFactory.ConfiguredDeviceProtocols())
        {
            app.ExtraSettings[$"Monitoring:Devices:{index}:IntervalSeconds"] = intervalSeconds.ToString(CultureInfo.InvariantCulture);
            app.ExtraSettings[$"Monitoring:Devices:{index}:TimeoutSeconds"] = "1";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            app.ExtraSettings[key] = value;
        }

        var host = new TrapHost(app, lines, port);
        try
        {
            await Task.Run(app.StartServer);
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

    public HttpClient CreateClient()
    {
        var client = App.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

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
