using System.Globalization;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DataCenterOps.Tests.Web.Browser.Room;

/// <summary>
/// Issue 5 in a real browser against the real app and simulated room: an Administrator starts a mains failure on the
/// simulator page; the dashboard shows the UPS on battery and the alarms without a reload; the alarm is acknowledged
/// with a comment under the user's name. Times are printed, not asserted (the machine is shared).
/// </summary>
public sealed class MainsFailureDashboardTests(ITestOutputHelper output) : IAsyncLifetime
{
    // RFC 1628 upsOutputSource: battery(5).
    private const double OutputOnBattery = 5;

    private static readonly Dictionary<string, string> DashboardMarks = new(StringComparer.Ordinal)
    {
        ["battery"] = "[data-source='Battery']",
        ["ups-critical"] = "a.room-device[data-device='ups-1'].room-state-critical",
        ["mains-failed"] = "[data-mains='False']",
        ["cue"] = ".room-flash",
    };

    private static readonly Dictionary<string, string> AlarmListMarks = new(StringComparer.Ordinal)
    {
        ["on-battery"] = $"tr[data-alarm='{AlarmKeys.UpsOnBattery}']",
        ["mains-failed"] = $"tr[data-alarm='{AlarmKeys.MainsFailed}']",
    };

    private LiveAppBrowser? _app;

    public async Task InitializeAsync() => _app = await LiveAppBrowser.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task MainsFailure_FromTheSimulatorPage_ReachesTheDashboardLive_AndIsAcknowledgedWithAComment()
    {
        var app = _app!;
        var dashboard = await app.SignInAsync(WebAppFactory.AdminEmail, WebAppFactory.AdminPassword, "/");

        // The first polls have landed: the power line knows the source and the UPS tile is green.
        await dashboard.WaitForSelectorAsync("[data-source='Mains']");
        await dashboard.WaitForSelectorAsync("a.room-device[data-device='ups-1'].room-state-normal");
        await dashboard.WaitForSelectorAsync("#room-connection-banner", new() { State = WaitForSelectorState.Attached });
        Assert.False(await dashboard.IsVisibleAsync("#room-connection-banner"));
        Print("screenshot, dashboard normal", await LiveAppBrowser.ScreenshotAsync(dashboard, "room-dashboard-normal"));

        var alarms = await app.OpenAsync(dashboard, "/room/alarms");
        var simulator = await app.OpenAsync(dashboard, "/room/simulator");
        await FirstSeen.WatchAsync(dashboard, DashboardMarks);
        await FirstSeen.WatchAsync(alarms, AlarmListMarks);
        var polled = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<LiveStateStore>().Subscribe(change =>
        {
            foreach (var point in change.ChangedPoints)
            {
                if (point is { DeviceId: "ups-1", Point: "output.source", Value: OutputOnBattery })
                {
                    polled.TrySetResult(point.Timestamp);
                }
            }
        });

        var started = await FirstSeen.NowAsync(simulator);
        await simulator.ClickAsync("tr[data-scenario='mains-failure'] .room-sim-start");

        // No reload anywhere from here: the pages change through their circuits.
        var battery = await FirstSeen.WaitAsync(dashboard, "battery");
        var upsCritical = await FirstSeen.WaitAsync(dashboard, "ups-critical");
        var mainsFailed = await FirstSeen.WaitAsync(dashboard, "mains-failed");
        Print("screenshot, dashboard mains failure", await LiveAppBrowser.ScreenshotAsync(dashboard, "room-dashboard-mains-failure"));
        var onBatteryRow = await FirstSeen.WaitAsync(alarms, "on-battery");
        var mainsRow = await FirstSeen.WaitAsync(alarms, "mains-failed");
        var polledAt = (await polled.Task.WaitAsync(TimeSpan.FromSeconds(LiveAppBrowser.WaitMs / 1000))).ToUnixTimeMilliseconds();

        Assert.Contains("BATERAI", await FirstSeen.TextAsync(dashboard, "battery"), StringComparison.Ordinal);
        // The state is shown in words as well as colour (the tile's badge).
        Assert.Contains("Kritis", await FirstSeen.TextAsync(dashboard, "ups-critical"), StringComparison.Ordinal);
        Print("click → poller reads UPS on battery", polledAt - started);
        Print("poller → dashboard shows battery", battery - polledAt);
        Print("poller → UPS tile critical", upsCritical - polledAt);
        Print("poller → 'UPS on battery' row on /room/alarms", onBatteryRow - polledAt);
        Print("click → dashboard shows mains failed", mainsFailed - started);
        Print("click → 'mains failed' row on /room/alarms", mainsRow - started);
        var cue = await dashboard.EvaluateAsync<double?>("() => window.__firstSeen?.cue ?? null");
        Print("click → critical cue flashed on the dashboard", cue is { } at ? at - started : double.NaN);

        await AcknowledgeMainsAlarmAsync(alarms);
        Assert.False(await dashboard.IsVisibleAsync("#blazor-error-ui"));
        Assert.False(await alarms.IsVisibleAsync("#blazor-error-ui"));
    }

    private async Task AcknowledgeMainsAlarmAsync(IPage alarms)
    {
        const string Comment = "Genset menyala otomatis; PLN sudah dihubungi.";

        // Mains failed stays active while mains is out (the UPS alarm clears once the genset takes the load).
        var device = await alarms.Locator($"tr[data-alarm='{AlarmKeys.MainsFailed}']").First.GetAttributeAsync("data-device");
        var row = alarms.Locator($"tr[data-alarm='{AlarmKeys.MainsFailed}'][data-device='{device}']");
        await row.Locator(".room-ack-start").ClickAsync();
        var comment = row.Locator(".room-ack-comment input");
        await comment.FillAsync(Comment);
        await comment.PressAsync("Tab");
        await row.Locator(".room-ack-save").ClickAsync();

        await alarms.WaitForSelectorAsync($"tr.acked[data-alarm='{AlarmKeys.MainsFailed}'][data-device='{device}'] .room-ack-by");
        // The person's name from the people directory, never their e-mail.
        var ackBy = await row.Locator(".room-ack-by").InnerTextAsync();
        Assert.Contains("Administrator", ackBy, StringComparison.Ordinal);
        Assert.DoesNotContain(WebAppFactory.AdminEmail, ackBy, StringComparison.Ordinal);
        Assert.Equal(Comment, (await row.Locator(".room-ack-note").InnerTextAsync()).Trim());
        var stored = _app!.Services.GetRequiredService<AlarmService>().GetActive().Single(a => a.Key == AlarmKeys.MainsFailed && a.DeviceId == device);
        Assert.Equal(WebAppFactory.AdminEmail, stored.AcknowledgedBy);
        Assert.Equal("Administrator", stored.AcknowledgedByName);
        Assert.Equal(Comment, stored.AcknowledgeComment);
        Print("screenshot, alarm acknowledged", await LiveAppBrowser.ScreenshotAsync(alarms, "room-alarm-acknowledged"));
    }

    private void Print(string what, double milliseconds) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {milliseconds:0} ms"));

    private void Print(string what, string path) => output.WriteLine($"{what}: {path}");
}
