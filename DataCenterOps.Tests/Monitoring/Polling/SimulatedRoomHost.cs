using System.Globalization;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Tests.Monitoring.Devices;
using DataCenterOps.Tests.Web;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Monitoring.Polling;

/// <summary>
/// The real app (<see cref="WebAppFactory"/> over the real Program) with its simulated room on fresh loopback ports,
/// the eight shipped devices polled at short intervals: configuration is the only difference. Real sockets between
/// poller and simulator; HTTP (/metrics) through the app's own pipeline.
/// </summary>
public sealed class SimulatedRoomHost : IAsyncDisposable
{
    public const double IntervalSeconds = 0.3;

    public static readonly string[] DeviceIds = ["ups-1", "ups-2", "genset-1", "crac-1", "crac-2", "fire-1", "env-1", "env-2"];

    private SimulatedRoomHost(WebAppFactory app) => App = app;

    public WebAppFactory App { get; }

    public LiveStateStore LiveState => App.Services.GetRequiredService<LiveStateStore>();

    public AlarmService Alarms => App.Services.GetRequiredService<AlarmService>();

    public ISimulatorControl Simulator => App.Services.GetRequiredService<ISimulatorControl>();

    public static async Task<SimulatedRoomHost> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var app = new WebAppFactory();
        foreach (var (key, value) in Settings(extra))
        {
            app.ExtraSettings[key] = value;
        }

        var host = new SimulatedRoomHost(app);
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

    public HttpClient CreateClient()
    {
        var client = App.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }

    /// <summary>Waits, bounded, until every device has answered at least once.</summary>
    public Task WaitAllUpAsync() => Eventually.TrueAsync(() => LiveState.GetDevices().All(d => d.Status.IsUp), "every device up");

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private static Dictionary<string, string?> Settings(IDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Simulator:Enabled"] = "true",
            ["Simulator:TickInterval"] = "00:00:00.100",
            ["Monitoring:MissedPollsForCommLost"] = "3",
        };
        foreach (var (index, _) in WebAppFactory.ConfiguredDeviceProtocols())
        {
            var prefix = $"Monitoring:Devices:{index}:";
            settings[prefix + "IntervalSeconds"] = IntervalSeconds.ToString(CultureInfo.InvariantCulture);
            // Generous on a loaded machine: a healthy device must never miss a poll because the test box is busy.
            settings[prefix + "TimeoutSeconds"] = "1";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
