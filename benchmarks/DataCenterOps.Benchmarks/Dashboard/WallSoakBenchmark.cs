using System.Globalization;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Benchmarks.Hosting;
using Microsoft.Playwright;

namespace DataCenterOps.Benchmarks.Dashboard;

/// <summary>
/// <c>e2e wall</c>: the wall screen (<c>/room/wall</c>) left open against the real app (devices polled every second,
/// clock ticking every second): the server's private memory sampled every 30 s. 10 minutes by default;
/// <c>DCOPS_WALL_MINUTES=60</c> for the hour by hand. Flat means the last samples are no higher than the first ones
/// after warm-up beyond noise.
/// </summary>
public sealed class WallSoakBenchmark : IEndToEndBenchmark
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    public string Name => "wall";

    public TimeSpan Timeout => Minutes + TimeSpan.FromMinutes(10);

    private static TimeSpan Minutes => TimeSpan.FromMinutes(
        int.TryParse(Environment.GetEnvironmentVariable("DCOPS_WALL_MINUTES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 10);

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var figures = new List<Figure> { new("load average (1 min) at start", Browsers.LoadAverage(), "") };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);
        await using var app = await WebAppProcess.StartAsync(Browsers.FindRepositoryRoot(), cancellationToken);
        await using var context = await Browsers.NewContextAsync(browser, 120_000);
        var page = await context.NewPageAsync();
        await Browsers.SignInAsync(page, app.BaseUrl);
        await page.GotoAsync(app.BaseUrl + "/room/wall");
        await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("[data-source='Mains']");

        var samples = new List<double>();
        var until = DateTime.UtcNow + Minutes;
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(Every, cancellationToken);
            samples.Add(await DashboardEndToEndBenchmark.SampleAsync(app.PrivateBytes, cancellationToken) / 1048576.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {samples.Count * Every.TotalMinutes:0.0} min: {samples[^1]:0.0} MiB"));
        }

        // The page must still be live at the end (the clock and the values still change).
        var clock = await page.TextContentAsync(".room-wall-clock");
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var live = clock != await page.TextContentAsync(".room-wall-clock");

        var warm = Math.Min(2, samples.Count - 1);
        var firstHalf = samples.Skip(warm).Take((samples.Count - warm) / 2).DefaultIfEmpty(samples[^1]).Average();
        var secondHalf = samples.Skip(warm + ((samples.Count - warm) / 2)).DefaultIfEmpty(samples[^1]).Average();
        figures.Add(new($"wall screen open {Minutes.TotalMinutes:0} min: server private memory after 1 min", samples[Math.Min(1, samples.Count - 1)], "MiB"));
        figures.Add(new("wall screen: server private memory at the end", samples[^1], "MiB"));
        figures.Add(new("wall screen: server private memory, highest sample", samples.Max(), "MiB"));
        figures.Add(new("wall screen: mean of the second half minus mean of the first half (after 1 min warm-up)", secondHalf - firstHalf, "MiB"));
        figures.Add(new("wall screen still live at the end (clock moved: 1 = yes)", live ? 1 : 0, ""));
        return figures;
    }
}
