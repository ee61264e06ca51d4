using System.Net.Sockets;
using System.Net;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Playwright;

namespace DataCenterOps.Tests.Web;

/// <summary>A real Chromium against the real app on a loopback port: sign in, and MudBlazor renders interactively.</summary>
public sealed class BrowserSignInTests : IAsyncLifetime
{
    private readonly WebAppFactory _factory = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        var port = FreePorts.Tcp();
        _factory.UseKestrel(port);
        _factory.StartServer();
        _baseUrl = $"http://127.0.0.1:{port}";
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    [Fact]
    public async Task Supervisor_SignsIn_AndSeesTheInteractiveShell()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync($"{_baseUrl}/letters");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);

        await page.FillAsync("#Input\\.Email", "supervisor@dcops.local");
        await page.FillAsync("#Input\\.Password", DemoUsers.Password);
        await page.ClickAsync("#login-submit");

        // The marker exists only once the circuit is interactive.
        await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        Assert.EndsWith("/letters", page.Url, StringComparison.Ordinal);
        Assert.True(await page.IsVisibleAsync(".mud-appbar"));
        Assert.True(await page.IsVisibleAsync("text=Surat Tugas baru"));

        await page.GotoAsync($"{_baseUrl}/letters/new");
        await page.WaitForSelectorAsync("[data-testid='create-letter']", new() { Timeout = 60_000 });
        Assert.False(await page.IsVisibleAsync("#blazor-error-ui"));

        await page.GotoAsync($"{_baseUrl}/");
        await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        var shot = Path.Combine(Path.GetTempPath(), "dcops-home.png");
        await page.ScreenshotAsync(new() { Path = shot });
        Assert.True(new FileInfo(shot).Length > 0);
    }

    [Fact]
    public async Task Administrator_OpensEveryListPage_WithoutCircuitErrors()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync($"{_baseUrl}/Account/Login");
        await page.FillAsync("#Input\\.Email", WebAppFactory.AdminEmail);
        await page.FillAsync("#Input\\.Password", WebAppFactory.AdminPassword);
        await page.ClickAsync("#login-submit");
        foreach (var route in new[] { "/board", "/letters", "/plans", "/archive", "/equipment", "/admin/users" })
        {
            await page.GotoAsync(_baseUrl + route);
            await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
            Assert.False(await page.IsVisibleAsync("#blazor-error-ui"), route);
            Assert.True(await page.IsVisibleAsync("h4, .mud-typography-h4"), route);
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

}
