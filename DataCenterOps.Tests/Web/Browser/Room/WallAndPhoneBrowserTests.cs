using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DataCenterOps.Tests.Web.Browser.Room;

/// <summary>
/// Issue 11 in a real browser against the real app and simulated room: the wall screen at 1920×1080 with three active
/// alarms shows the state line and all three above the fold, in type readable from 3 m; so does the home page at
/// 1440×900; a phone at 390×844 reaches sign-out through the menu, and no screen is wider than it.
/// </summary>
public sealed class WallAndPhoneBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    // How many CSS pixels the page is wider than the window (> 0: it scrolls sideways).
    private const string PageOverflow = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";

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
    public async Task WallScreen_At1920x1080_ShowsTheStateLineAndThreeAlarms_AboveTheFold_WithNoTextUnder16Px()
    {
        var app = _app!;
        var simulator = app.Services.GetRequiredService<ISimulatorControl>();
        var alarms = app.Services.GetRequiredService<AlarmService>();
        simulator.Start(SimulatorScenarios.WaterLeak);
        simulator.Start(SimulatorScenarios.DoorOpen);
        simulator.Start(SimulatorScenarios.CracFailure, "crac-1");

        var wall = await app.SignInAsync(WebAppFactory.AdminEmail, WebAppFactory.AdminPassword, "/room/wall", 1920, 1080);
        await wall.WaitForFunctionAsync("() => document.querySelectorAll('.room-wall tr[data-alarm]').length >= 3", null, new() { Timeout = LiveAppBrowser.WaitMs });
        output.WriteLine("active alarms: " + string.Join(", ", alarms.GetActive().Select(a => $"{a.DeviceId}/{a.Key}/{a.Severity}")));
        output.WriteLine("screenshot: " + await LiveAppBrowser.ScreenshotAsync(wall, "room-wall-1920x1080-three-alarms"));

        var line = wall.Locator(".room-wall .room-state-line");
        Assert.Contains("ALARM KRITIS", await line.InnerTextAsync(), StringComparison.Ordinal);
        AssertAboveTheFold(await line.BoundingBoxAsync(), 1080, "state line");
        var rows = wall.Locator(".room-wall tr[data-alarm]");
        var count = await rows.CountAsync();
        Assert.True(count >= 3, $"{count} alarm rows");
        for (var i = 0; i < count; i++)
        {
            AssertAboveTheFold(await rows.Nth(i).BoundingBoxAsync(), 1080, $"alarm row {i}");
        }

        // The unacknowledged critical alarm flashes; the way back is there for a signed-in user.
        Assert.True(await wall.Locator(".room-wall tr.room-alarm-flash").CountAsync() >= 1);
        Assert.True(await wall.Locator(".room-wall-back").IsVisibleAsync());

        // Readable from 3 m: no visible text on the wall under 16 px.
        var small = await wall.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.room-wall *')]
                .filter(e => e.offsetParent !== null && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length > 0))
                .filter(e => parseFloat(getComputedStyle(e).fontSize) < 16)
                .map(e => e.className + ': ' + e.textContent.trim().slice(0, 40) + ' (' + getComputedStyle(e).fontSize + ')')
            """);
        Assert.True(small.Length == 0, "text under 16 px: " + string.Join(" | ", small));

        // The title takes focus on navigation but shows no focus ring.
        var outline = await wall.EvaluateAsync<string>("() => { const h = document.querySelector('.room-wall h1'); h.focus(); return getComputedStyle(h).outlineStyle; }");
        Assert.Equal("none", outline);
    }

    [Fact]
    public async Task HomePage_At1440x900_ShowsTheStateLineAndThreeAlarms_AboveTheFold()
    {
        var app = _app!;
        var simulator = app.Services.GetRequiredService<ISimulatorControl>();
        simulator.Start(SimulatorScenarios.WaterLeak);
        simulator.Start(SimulatorScenarios.DoorOpen);
        simulator.Start(SimulatorScenarios.CracFailure, "crac-1");

        var home = await app.SignInAsync(WebAppFactory.AdminEmail, WebAppFactory.AdminPassword, "/", 1440, 900);
        await home.WaitForFunctionAsync("() => document.querySelectorAll('tr[data-alarm]').length >= 3", null, new() { Timeout = LiveAppBrowser.WaitMs });
        output.WriteLine("screenshot: " + await LiveAppBrowser.ScreenshotAsync(home, "home-1440x900-three-alarms"));

        var line = home.Locator(".room-state-line").First;
        Assert.Contains("ALARM KRITIS", await line.InnerTextAsync(), StringComparison.Ordinal);
        AssertAboveTheFold(await line.BoundingBoxAsync(), 900, "state line");
        var rows = home.Locator("tr[data-alarm]");
        var count = await rows.CountAsync();
        Assert.True(count >= 3, $"{count} alarm rows");
        for (var i = 0; i < count; i++)
        {
            AssertAboveTheFold(await rows.Nth(i).BoundingBoxAsync(), 900, $"alarm row {i}");
        }
    }

    [Fact]
    public async Task WallScreen_OnAPhone_DoesNotScrollSideways()
    {
        var app = _app!;
        var phone = await app.SignInAsync(WebAppFactory.AdminEmail, WebAppFactory.AdminPassword, "/room/wall", 390, 844);
        await phone.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached, Timeout = LiveAppBrowser.WaitMs });
        output.WriteLine("screenshot: " + await LiveAppBrowser.ScreenshotAsync(phone, "phone-390x844-wall"));

        // The wall's tiles are 28rem wide at their narrowest, for a screen read from across the room: on a phone one
        // column as wide as the phone, the clock under the title, and nothing wider than the screen.
        var overflow = await phone.EvaluateAsync<int>(PageOverflow);
        Assert.True(overflow <= 0, $"the wall screen is {overflow} px wider than the phone");
        Assert.True(await phone.IsVisibleAsync(".room-wall-clock"));
    }

    // Every screen without an id in its route that the Administrator may open (not the Pengawas' own: separation of duties).
    private static readonly string[] AdministratorScreens =
    [
        "/", "/board", "/letters", "/plans", "/archive", "/archive/evidence-pack", "/equipment",
        "/admin/users", "/admin/audit", "/admin/commissioning", "/admin/qualifications", "/admin/stand-ins", "/admin/tenants",
        "/tenants/permits", "/room", "/room/alarms", "/room/alarms/history", "/room/traps", "/room/plan", "/room/simulator",
        "/room/devices/ups-1", "/room/incidents", "/access", "/access/log", "/access/occupancy", "/access/authorisations",
        "/routine/due-checks", "/routine/schedules", "/routine/compliance", "/routine/backups",
        "/Account/Manage",
    ];

    [Fact]
    public async Task EveryScreen_OnAPhone_DoesNotScrollSideways()
    {
        var app = _app!;
        var phone = await app.SignInAsync(WebAppFactory.AdminEmail, WebAppFactory.AdminPassword, "/", 390, 844);
        var wider = new List<string>();
        foreach (var screen in AdministratorScreens)
        {
            await phone.GotoAsync(app.BaseUrl + screen);
            if (!screen.StartsWith("/Account/", StringComparison.Ordinal))
            {
                await phone.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached, Timeout = LiveAppBrowser.WaitMs });
            }

            var overflow = await phone.EvaluateAsync<int>(PageOverflow);
            if (overflow > 0)
            {
                wider.Add($"{screen} (+{overflow} px)");
                output.WriteLine("screenshot: " + await LiveAppBrowser.ScreenshotAsync(phone, "phone-390x844" + screen.Replace('/', '-')));
            }
        }

        Assert.True(wider.Count == 0, "wider than a 390 px phone: " + string.Join(", ", wider));
    }

    [Fact]
    public async Task Phone_At390x844_ReachesSignOutThroughTheMenu()
    {
        var app = _app!;
        var phone = await app.SignInAsync(WebAppFactory.AdminEmail, WebAppFactory.AdminPassword, "/", 390, 844);
        output.WriteLine("screenshot: " + await LiveAppBrowser.ScreenshotAsync(phone, "phone-390x844-home"));

        // Nothing wider than the screen: the page does not scroll sideways.
        var overflow = await phone.EvaluateAsync<int>(PageOverflow);
        Assert.True(overflow <= 0, $"page is {overflow} px wider than the phone");

        // The top bar has no room for the account on a phone: sign-out is in the menu, off screen until it opens.
        Assert.False(await phone.IsVisibleAsync(".app-signout-button"));
        var signOut = phone.Locator(".nav-signout-button");
        const string OnScreen = "() => { const r = document.querySelector('.nav-signout-button')?.getBoundingClientRect(); return !!r && r.width > 0 && r.left >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight * 3; }";
        // On a phone the menu starts closed (and stays so once the circuit knows the width): open it as a person would.
        await phone.WaitForFunctionAsync("() => document.querySelector('.mud-drawer')?.classList.contains('mud-drawer--closed')", null, new() { Timeout = LiveAppBrowser.WaitMs });
        await phone.WaitForFunctionAsync($"() => !({OnScreen})()", null, new() { Timeout = LiveAppBrowser.WaitMs });
        await phone.ClickAsync(".app-menu-toggle");

        await phone.WaitForFunctionAsync(OnScreen, null, new() { Timeout = LiveAppBrowser.WaitMs });
        // OnScreen held: the button lies inside the phone's width, in the opened menu.
        output.WriteLine("screenshot: " + await LiveAppBrowser.ScreenshotAsync(phone, "phone-390x844-menu"));
        await signOut.ClickAsync();
        await phone.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal) || url.EndsWith('/'));
        await phone.GotoAsync(app.BaseUrl + "/room/alarms");
        Assert.Contains("/Account/Login", phone.Url, StringComparison.Ordinal);
    }

    private static void AssertAboveTheFold(LocatorBoundingBoxResult? box, int foldPx, string what)
    {
        Assert.NotNull(box);
        Assert.True(box.Y >= 0 && box.Y + box.Height <= foldPx, $"{what}: y {box.Y}, height {box.Height}, fold {foldPx}");
    }
}
