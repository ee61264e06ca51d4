using System.Diagnostics;
using System.Globalization;
using DataCenterOps.Benchmarks.EndToEnd;
using Microsoft.Playwright;

namespace DataCenterOps.Benchmarks.Dashboard;

/// <summary>
/// The room dashboard in a real Chromium against the real app process (devices polled every second):
/// (a) how long after a mains failure is started (simulator HTTP API) the dashboard shows the UPS on battery and its
/// tile turns critical, without reload; (b) the server's private memory per open dashboard circuit
/// (0, <see cref="Circuits"/> and twice that many open pages, differences divided by the count). Figures only, nothing asserted.
/// </summary>
public sealed class DashboardEndToEndBenchmark : IEndToEndBenchmark
{
    private const int Rounds = 5;
    private const int Circuits = 10;
    private const int MemorySamples = 5;
    private const float WaitMs = 120_000;
    private const string UpsTile = "a.room-device[data-device='ups-1']";

    // Notes, from a MutationObserver, when each mark first appears (page clock, Unix ms); calling it again re-arms.
    private const string Arm = """
        () => {
            window.__seen = {};
            const marks = { battery: "[data-source='Battery']", critical: "a.room-device[data-device='ups-1'].room-state-critical" };
            const check = () => {
                for (const [name, selector] of Object.entries(marks)) {
                    if (!(name in window.__seen) && document.querySelector(selector)) { window.__seen[name] = Date.now(); }
                }
            };
            window.__observer?.disconnect();
            window.__observer = new MutationObserver(check);
            window.__observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
            check();
        }
        """;

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];

    public string Name => "dashboard";

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var figures = new List<Figure> { new("load average (1 min) at start", LoadAverage(), "") };
        await using var app = await WebAppProcess.StartAsync(FindRepositoryRoot(), cancellationToken);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "id-ID" });
        context.SetDefaultTimeout(WaitMs);
        context.SetDefaultNavigationTimeout(WaitMs);

        var dashboard = await context.NewPageAsync();
        await SignInAsync(dashboard, app.BaseUrl);
        figures.AddRange(await MeasureLatencyAsync(dashboard, app.BaseUrl, cancellationToken));
        await dashboard.CloseAsync(new() { RunBeforeUnload = true });
        figures.AddRange(await MeasureMemoryAsync(context, app, cancellationToken));
        return figures;
    }

    private static async Task SignInAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl + "/Account/Login");
        await page.FillAsync("#Input\\.Email", WebAppProcess.AdminEmail);
        await page.FillAsync("#Input\\.Password", WebAppProcess.AdminPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached });
        if (!page.Url.TrimEnd('/').Equals(baseUrl, StringComparison.Ordinal))
        {
            await page.GotoAsync(baseUrl + "/");
            await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached });
        }
    }

    private static async Task<IReadOnlyList<Figure>> MeasureLatencyAsync(IPage page, string baseUrl, CancellationToken cancellationToken)
    {
        var toBattery = new List<double>();
        var toCritical = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            // Quiet room again: mains, UPS tile green; then a moment so the start falls anywhere in the poll cycle.
            await PostAsync(page, baseUrl + "/api/v1/simulator/reset");
            await page.WaitForSelectorAsync("[data-source='Mains']");
            await page.WaitForSelectorAsync("[data-mains='True']");
            await page.WaitForSelectorAsync(UpsTile + ".room-state-normal");
            await Task.Delay(1500 + Random.Shared.Next(1000), cancellationToken);

            await page.EvaluateAsync(Arm);
            var started = await page.EvaluateAsync<double>("Date.now()");
            await PostAsync(page, baseUrl + "/api/v1/simulator/scenarios/mains-failure/start");
            await page.WaitForFunctionAsync("() => window.__seen.battery && window.__seen.critical", null, new() { PollingInterval = 50 });
            toBattery.Add(await page.EvaluateAsync<double>("() => window.__seen.battery") - started);
            toCritical.Add(await page.EvaluateAsync<double>("() => window.__seen.critical") - started);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round + 1}: battery {toBattery[^1]:0} ms, critical {toCritical[^1]:0} ms"));
        }

        await PostAsync(page, baseUrl + "/api/v1/simulator/reset");
        return
        [
            new($"mains failure started → dashboard shows UPS on battery, median of {Rounds} (poll 1 s)", Median(toBattery), "ms"),
            new($"mains failure started → dashboard shows UPS on battery, best of {Rounds}", toBattery.Min(), "ms"),
            new($"mains failure started → dashboard shows UPS on battery, worst of {Rounds}", toBattery.Max(), "ms"),
            new($"mains failure started → UPS tile critical (alarm raised), median of {Rounds}", Median(toCritical), "ms"),
            new($"mains failure started → UPS tile critical (alarm raised), worst of {Rounds}", toCritical.Max(), "ms"),
        ];
    }

    private static async Task<IReadOnlyList<Figure>> MeasureMemoryAsync(IBrowserContext context, WebAppProcess app, CancellationToken cancellationToken)
    {
        // Let the closed page's circuit go and the server settle before the baseline.
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        var baseline = await SampleAsync(app, cancellationToken);
        var pages = new List<IPage>();
        var opening = Stopwatch.StartNew();
        await OpenDashboardsAsync(context, app.BaseUrl, pages, cancellationToken);
        opening.Stop();
        var first = await SampleAsync(app, cancellationToken);

        // A second batch separates what each circuit costs from the heap's one-time growth under load.
        await OpenDashboardsAsync(context, app.BaseUrl, pages, cancellationToken);
        var second = await SampleAsync(app, cancellationToken);
        foreach (var page in pages)
        {
            await page.CloseAsync(new() { RunBeforeUnload = true });
        }

        return
        [
            new("server private memory, no dashboard open", baseline / 1048576.0, "MiB"),
            new($"server private memory, {Circuits} dashboards open", first / 1048576.0, "MiB"),
            new($"server private memory, {2 * Circuits} dashboards open", second / 1048576.0, "MiB"),
            new($"server private memory per open dashboard circuit, 0 → {Circuits}", (first - baseline) / Circuits / 1024.0, "KiB"),
            new($"server private memory per open dashboard circuit, {Circuits} → {2 * Circuits}", (second - first) / Circuits / 1024.0, "KiB"),
            new($"time to open the first {Circuits} dashboards one after another (interactive, live values shown)", opening.Elapsed.TotalMilliseconds / Circuits, "ms each"),
        ];
    }

    private static async Task OpenDashboardsAsync(IBrowserContext context, string baseUrl, List<IPage> pages, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Circuits; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(baseUrl + "/");
            await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached });
            await page.WaitForSelectorAsync("[data-source='Mains']");
            pages.Add(page);
        }

        // Every page now renders each poll; give them a little while at steady state.
        await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
    }

    private static async Task PostAsync(IPage page, string url)
    {
        var response = await page.APIRequest.PostAsync(url);
        if (!response.Ok)
        {
            throw new InvalidOperationException($"POST {url} answered {response.Status} {await response.TextAsync()}");
        }
    }

    // The median of several samples a second apart: one sample can catch a collection mid-way.
    private static async Task<double> SampleAsync(WebAppProcess app, CancellationToken cancellationToken)
    {
        var samples = new List<double>();
        for (var i = 0; i < MemorySamples; i++)
        {
            samples.Add(app.PrivateBytes());
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return Median(samples);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static double LoadAverage()
    {
        var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : "0";
        return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataCenterOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
