using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DataCenterOps.Tests.Web.Browser.Room;

/// <summary>
/// The incident page in headless Chromium on the live app: from the alarm list's incident link to the incident's
/// timeline, a comment added in the open page, screenshots in Indonesian and English.
/// </summary>
public sealed class IncidentPageBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
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
    public async Task AlarmListLinksToTheIncident_WhosePage_TakesAComment_InBothLanguages()
    {
        var app = _app!;
        var alarms = await app.SignInAsync(WebAppFactory.AdminEmail, WebAppFactory.AdminPassword, "/room/alarms");
        app.Services.GetRequiredService<SimulatedRoom>().Start("mains-failure");

        var link = await alarms.WaitForSelectorAsync($"tr[data-alarm='{AlarmKeys.MainsFailed}'] a.room-incident-link", new() { Timeout = LiveAppBrowser.WaitMs });
        await link!.ClickAsync();
        await alarms.WaitForSelectorAsync(".room-incident-timeline tr[data-kind='Raised']", new() { Timeout = LiveAppBrowser.WaitMs });
        await alarms.WaitForSelectorAsync(".room-incident-comment-form[data-ready='true']", new() { Timeout = LiveAppBrowser.WaitMs });
        await alarms.FillAsync(".room-incident-comment textarea", "Genset dicek di lokasi");
        await alarms.ClickAsync(".room-incident-comment-save");
        await alarms.WaitForSelectorAsync(".room-incident-timeline tr[data-kind='Comment']", new() { Timeout = LiveAppBrowser.WaitMs });
        var title = await alarms.InnerTextAsync(".room-incident-title");
        await alarms.WaitForLoadStateAsync(LoadState.NetworkIdle);
        output.WriteLine("screenshot, id: " + await LiveAppBrowser.ScreenshotAsync(alarms, "room-incident-id"));

        var incidentUrl = new Uri(alarms.Url).PathAndQuery;
        await alarms.GotoAsync(app.BaseUrl + "/culture/set?culture=en-US&redirectUri=" + Uri.EscapeDataString(incidentUrl));
        await alarms.WaitForSelectorAsync(".room-incident-timeline tr[data-kind='Comment']", new() { Timeout = LiveAppBrowser.WaitMs });
        var english = await alarms.InnerTextAsync(".room-incident-title");
        await alarms.WaitForLoadStateAsync(LoadState.NetworkIdle);
        output.WriteLine("screenshot, en: " + await LiveAppBrowser.ScreenshotAsync(alarms, "room-incident-en"));

        Assert.Contains("Gangguan listrik PLN", title, StringComparison.Ordinal);
        Assert.Contains("Mains power failure", english, StringComparison.Ordinal);
        var open = await app.Services.GetRequiredService<IncidentService>().ListAsync(new IncidentFilter(State: IncidentState.Open), CancellationToken.None);
        Assert.Contains(open, i => i.Rule == "power.mains_failure" && incidentUrl.EndsWith(i.Id.ToString(), StringComparison.Ordinal));
    }
}
