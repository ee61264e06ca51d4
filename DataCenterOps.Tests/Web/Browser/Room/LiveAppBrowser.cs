using DataCenterOps.Tests.TestSupport;
using Microsoft.Playwright;

namespace DataCenterOps.Tests.Web.Browser.Room;

/// <summary>
/// The real app on a loopback Kestrel port, its simulated room polled every second, and a headless Chromium.
/// Every browser wait is bounded but generous: these tests share a small, heavily loaded machine.
/// </summary>
internal sealed class LiveAppBrowser : IAsyncDisposable
{
    /// <summary>The longest any single browser wait may take.</summary>
    public const float WaitMs = 60_000;

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];

    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private LiveAppBrowser(WebAppFactory app, string baseUrl)
    {
        App = app;
        BaseUrl = baseUrl;
    }

    public WebAppFactory App { get; }

    public string BaseUrl { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Where screenshots go: artifacts/screenshots beside the test assembly.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    /// <summary>Starts the app (devices polled every second, plus <paramref name="settings"/>) and the browser.</summary>
    public static async Task<LiveAppBrowser> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new WebAppFactory();
        foreach (var (index, _) in WebAppFactory.ConfiguredDeviceProtocols())
        {
            app.ExtraSettings[$"Monitoring:Devices:{index}:IntervalSeconds"] = "1";
            // A loaded machine answers loopback slowly at times; a missed poll is not what these tests are about.
            app.ExtraSettings[$"Monitoring:Devices:{index}:TimeoutSeconds"] = "2";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            app.ExtraSettings[key] = value;
        }

        var port = FreePorts.Tcp();
        var host = new LiveAppBrowser(app, $"http://127.0.0.1:{port}");
        try
        {
            app.UseKestrel(port);
            app.StartServer();
            host._playwright = await Playwright.CreateAsync();
            host._browser = await host._playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ChromiumArgs,
            });
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh browser session signed in as <paramref name="email"/>, on <paramref name="path"/> once interactive.</summary>
    public Task<IPage> SignInAsync(string email, string password, string path) => SignInAsync(email, password, path, 1366, 900);

    /// <summary>As <see cref="SignInAsync(string, string, string)"/>, in a window of <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public async Task<IPage> SignInAsync(string email, string password, string path, int width, int height)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            // The site's own language, so the tests read what the duty staff read.
            Locale = "id-ID",
        });
        context.SetDefaultTimeout(WaitMs);
        context.SetDefaultNavigationTimeout(WaitMs);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + path);
        if (page.Url.Contains("/Account/Login", StringComparison.Ordinal))
        {
            await page.FillAsync("#Input\\.Email", email);
            await page.FillAsync("#Input\\.Password", password);
            await page.ClickAsync("#login-submit");
        }

        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>Another tab in the same session (same sign-in), on <paramref name="path"/> once interactive.</summary>
    public async Task<IPage> OpenAsync(IPage signedIn, string path)
    {
        var page = await signedIn.Context.NewPageAsync();
        await page.GotoAsync(BaseUrl + path);
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>Clicks before the circuit connects are lost; the layout renders this marker only once interactive.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached, Timeout = WaitMs });

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
