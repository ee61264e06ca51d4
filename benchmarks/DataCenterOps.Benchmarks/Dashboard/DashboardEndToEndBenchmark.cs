using System.Diagnostics;
using System.Globalization;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Benchmarks.Hosting;
using Microsoft.Playwright;

namespace DataCenterOps.Benchmarks.Dashboard;

/// <summary>
/// The room dashboard (<c>/room</c>) in a real Chromium against the real app process (devices polled every second),
/// beside the empty Blazor template's circuit in the same run: how long each page takes to open until it is
/// interactive with live values shown, and the server's private memory per open circuit with 1, 10 and 50 pages open
/// (difference to none open, divided by the count). With DCOPS_BENCH_HOME=1 also the home page (<c>/</c>, the dashboard
/// plus SOP tiles) for 10.
/// <c>DCOPS_BENCH_HOLD_SECONDS=N</c> keeps the 50 pages open N seconds more (the server's process id printed) for a
/// profiler: <c>dotnet-gcdump collect -p PID</c>, <c>dotnet-counters monitor -p PID</c>.
/// <c>DCOPS_BENCH_COUNTS=10</c> (comma-separated) opens other counts; <c>DCOPS_BENCH_TEMPLATE=0</c> leaves the template out
/// (for a quick profile of ours alone).
/// Each open's phases (prerendered HTML, assets, websocket, first render batch) come as medians (<see cref="OpenPhases"/>).
/// Figures only, nothing asserted. The wall screen's long run is <see cref="WallSoakBenchmark"/>.
/// </summary>
public sealed class DashboardEndToEndBenchmark : IEndToEndBenchmark
{
    private const int MemorySamples = 5;
    private const int AloneOpens = 20;
    private const float WaitMs = 120_000;
    private static readonly int[] Counts = Environment.GetEnvironmentVariable("DCOPS_BENCH_COUNTS") is { Length: > 0 } counts
        ? [.. counts.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))]
        : [1, 10, 50];

    // The template's counter page: a click counts only once the circuit is up, so a changed count means interactive.
    private const string TemplateInteractive = """
        () => { document.querySelector('button.btn-primary')?.click(); return /Current count: [1-9]/.test(document.body?.innerText ?? ''); }
        """;

    // Both pages are timed the same way, by a check polled in the page every 20 ms from the moment the navigation is
    // committed: waiting for the load event first (Playwright's default) timed the stylesheets' parse and the
    // favicon, which nobody waits for, and each further Playwright call added a round trip to the browser.
    private const string OursInteractive = """
        () => document.getElementById('circuit-ready') !== null && document.querySelector("[data-source='Mains']") !== null
        """;

    private static readonly PageGotoOptions UntilCommitted = new() { WaitUntil = WaitUntilState.Commit };
    private static readonly PageWaitForFunctionOptions Polled = new() { PollingInterval = 20 };

    public string Name => "dashboard";

    public TimeSpan Timeout => TimeSpan.FromMinutes(25);

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var figures = new List<Figure> { new("load average (1 min) at start", Browsers.LoadAverage(), "") };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);

        if (Environment.GetEnvironmentVariable("DCOPS_BENCH_TEMPLATE") != "0")
        {
            await using var template = await TemplateAppProcess.StartAsync(cancellationToken);
            await using var context = await Browsers.NewContextAsync(browser, WaitMs);
            var templateCpu = ProcessCpu(template.ProcessId);
            figures.AddRange(await MeasureAsync(
                "empty Blazor template (/counter)", context, template.ProcessId, template.PrivateBytes, Counts,
                async page =>
                {
                    await page.GotoAsync(template.BaseUrl + "/counter", UntilCommitted);
                    await page.WaitForFunctionAsync(TemplateInteractive, null, Polled);
                },
                cancellationToken));
            figures.Add(new("empty Blazor template (/counter): server CPU during the whole measurement (warm-up, 50 opens, 3 × 15 s live, close)", (ProcessCpu(template.ProcessId) - templateCpu).TotalSeconds, "CPU-s"));
        }

        await using var app = await WebAppProcess.StartAsync(Browsers.FindRepositoryRoot(), cancellationToken);
        await using (var context = await Browsers.NewContextAsync(browser, WaitMs))
        {
            var signIn = await context.NewPageAsync();
            await Browsers.SignInAsync(signIn, app.BaseUrl);
            // With RunBeforeUnload the call returns before the page is gone; a context call made while it closes (the
            // init script below is added to every page) fails with "target closed", so wait for the page to be gone.
            var signInClosed = new TaskCompletionSource();
            signIn.Close += (_, _) => signInClosed.TrySetResult();
            await signIn.CloseAsync(new() { RunBeforeUnload = true });
            await signInClosed.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            var cpu = ProcessCpu(app.ProcessId ?? 0);
            figures.AddRange(await MeasureAsync("room dashboard (/room)", context, app.ProcessId ?? 0, app.PrivateBytes, Counts, page => OpenOursAsync(page, app.BaseUrl + "/room"), cancellationToken, app.ProcessId));
            figures.Add(new("room dashboard (/room): server CPU during the whole measurement (warm-up, 50 opens, 3 × 15 s live, close)", (ProcessCpu(app.ProcessId ?? 0) - cpu).TotalSeconds, "CPU-s"));
            if (Environment.GetEnvironmentVariable("DCOPS_BENCH_HOME") == "1")
            {
                figures.AddRange(await MeasureAsync("home page (/: dashboard and SOP tiles)", context, app.ProcessId ?? 0, app.PrivateBytes, [10], page => OpenOursAsync(page, app.BaseUrl + "/"), cancellationToken));
            }
        }

        figures.Add(new("load average (1 min) at the end", Browsers.LoadAverage(), ""));
        return figures;
    }

    private static async Task OpenOursAsync(IPage page, string url)
    {
        await page.GotoAsync(url, UntilCommitted);
        await page.WaitForFunctionAsync(OursInteractive, null, Polled);
    }

    /// <summary>Opens a page, adds its open time (the stopwatch) and its phases (the browser's clock).</summary>
    private static async Task<IPage> TimedOpenAsync(IBrowserContext context, Func<IPage, Task> open, List<double> times, OpenPhases phases)
    {
        var page = await context.NewPageAsync();
        var clock = Stopwatch.StartNew();
        await open(page);
        times.Add(clock.Elapsed.TotalMilliseconds);
        await phases.AddAsync(page);
        return page;
    }

    private static async Task<IReadOnlyList<Figure>> MeasureAsync(
        string what, IBrowserContext context, int processId, Func<long> privateBytes, int[] counts, Func<IPage, Task> open, CancellationToken cancellationToken, int? holdProcessId = null)
    {
        await context.AddInitScriptAsync(OpenPhases.InitScript);
        var phases = new OpenPhases();

        // A first page (closed again) warms the server's code paths, so the figures are of a running server.
        var warm = await context.NewPageAsync();
        await open(warm);
        await warm.CloseAsync(new() { RunBeforeUnload = true });
        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);

        var figures = new Progress();
        // The live managed heap (after a full GC the benchmark induces): what the circuits keep, without the GC's slack.
        // Taken first, so every private-memory sample below comes some time after such a GC, the baseline too.
        var heapBaseline = await ManagedHeap.AfterFullGcAsync(processId, cancellationToken);
        figures.Add(new($"{what}: server managed heap after a full GC, none open", (heapBaseline ?? double.NaN) / 1048576.0, "MiB"));
        var baseline = await SampleAsync(privateBytes, cancellationToken);
        figures.Add(new($"{what}: server private memory, none open", baseline / 1048576.0, "MiB"));
        var codeBaseline = WebAppProcess.CodeBytesOf(processId);
        var pages = new List<IPage>();
        var openTimes = new List<double>();
        foreach (var count in counts)
        {
            // CPU time is what load does not distort (a busy machine stretches the wall clock, not the work done).
            var first = pages.Count + 1;
            var openCpu = ProcessCpu(processId);
            while (pages.Count < count)
            {
                pages.Add(await TimedOpenAsync(context, open, openTimes, phases));
            }

            figures.Add(new($"{what}: server CPU per open, opens {first}–{count} (with the live updates of those open)", (ProcessCpu(processId) - openCpu).TotalMilliseconds / (count - first + 1), "ms"));

            // Every page now renders each poll; give them a little while at steady state.
            var liveCpu = ProcessCpu(processId);
            await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
            figures.Add(new($"{what}: server CPU per open circuit while live, {count} open", (ProcessCpu(processId) - liveCpu).TotalMilliseconds / 15.0 / count, "ms/s"));
            var memory = await SampleAsync(privateBytes, cancellationToken);
            figures.Add(new($"{what}: server private memory per open circuit, {count} open", (memory - baseline) / count / 1024.0, "KiB"));
            // The code the runtime compiled meanwhile (methods reaching tier 1) is counted above although no circuit
            // holds it: it is compiled once per process. Shown, and taken out in a second figure.
            var code = WebAppProcess.CodeBytesOf(processId) - codeBaseline;
            figures.Add(new($"{what}: of it, code pages compiled since none open (once per process), {count} open", code / 1048576.0, "MiB"));
            figures.Add(new($"{what}: server private memory per open circuit less those code pages, {count} open", (memory - baseline - code) / count / 1024.0, "KiB"));
            var heap = await ManagedHeap.AfterFullGcAsync(processId, cancellationToken);
            figures.Add(new($"{what}: server managed heap after a full GC per open circuit, {count} open", heap is { } h && heapBaseline is { } h0 ? (h - h0) / (double)count / 1024.0 : double.NaN, "KiB"));
        }

        if (holdProcessId is { } pid && int.TryParse(Environment.GetEnvironmentVariable("DCOPS_BENCH_HOLD_SECONDS"), CultureInfo.InvariantCulture, out var hold) && hold > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  holding {pages.Count} pages open for {hold} s; server process id {pid}"));
            await Task.Delay(TimeSpan.FromSeconds(hold), cancellationToken);
        }

        var sorted = openTimes.Order().ToList();
        figures.Add(new($"{what}: open until interactive with values shown, median of {sorted.Count}", sorted[sorted.Count / 2], "ms"));
        figures.Add(new($"{what}: open until interactive with values shown, p95 of {sorted.Count}", sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(sorted.Count * 0.95) - 1)], "ms"));
        foreach (var phase in phases.Medians(what))
        {
            figures.Add(phase);
        }

        foreach (var page in pages)
        {
            await page.CloseAsync(new() { RunBeforeUnload = true });
        }

        await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
        figures.Add(new($"{what}: server private memory 10 s after closing them all (circuits released)", await SampleAsync(privateBytes, cancellationToken) / 1048576.0, "MiB"));

        // One person opening the screen: each page closed before the next opens. Above, each open shares the machine's
        // two cores with the pages already open, which for the room (live, re-rendering each poll in this same
        // browser) is a load the template's still pages never add.
        var alone = new OpenPhases();
        var aloneTimes = new List<double>();
        for (var i = 0; i < AloneOpens; i++)
        {
            var page = await TimedOpenAsync(context, open, aloneTimes, alone);
            await page.CloseAsync(new() { RunBeforeUnload = true });
            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
        }

        aloneTimes.Sort();
        figures.Add(new($"{what}, alone (no other page open): open until interactive with values shown, median of {aloneTimes.Count}", aloneTimes[aloneTimes.Count / 2], "ms"));
        foreach (var phase in alone.Medians($"{what}, alone"))
        {
            figures.Add(phase);
        }

        return figures;
    }

    // utime + stime of another process, from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s).
    private static TimeSpan ProcessCpu(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    // Printed as they come, so a run cut short still says what it measured.
    private sealed class Progress : List<Figure>
    {
        public new void Add(Figure figure)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {figure.What}: {figure.Value:0.###} {figure.Unit}"));
            base.Add(figure);
        }
    }

    // The median of several samples a second apart: one sample can catch a collection mid-way.
    internal static async Task<double> SampleAsync(Func<long> privateBytes, CancellationToken cancellationToken)
    {
        var samples = new List<double>();
        for (var i = 0; i < MemorySamples; i++)
        {
            samples.Add(privateBytes());
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }
}
