using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace DataCenterOps.Tests.Web.Browser;

/// <summary>The real app on Kestrel (its own data folder and simulator ports) and a headless Chromium from /usr/bin.</summary>
internal sealed class BrowserApp : IAsyncDisposable
{
    private readonly WebAppFactory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The running app's services (to read what it stored).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <param name="configure">Settings of this run beyond the factory's (configuration is the only difference).</param>
    public static async Task<BrowserApp> StartAsync(Action<WebAppFactory>? configure = null)
    {
        var app = new BrowserApp();
        configure?.Invoke(app._factory);
        var port = FreePort();
        app._factory.UseKestrel(port);
        app._factory.StartServer();
        app.BaseUrl = $"http://127.0.0.1:{port}";
        app._playwright = await Playwright.CreateAsync();
        app.Browser = await app._playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        return app;
    }

    /// <summary>A signed-in person on a tablet-sized screen, with their own cookies.</summary>
    public async Task<IPage> SignInAsync(string email, string password)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1024, Height = 768 }, BaseURL = BaseUrl });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
