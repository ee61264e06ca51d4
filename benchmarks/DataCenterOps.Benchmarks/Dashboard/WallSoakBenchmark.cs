using System.Globalization;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Benchmarks.Hosting;
using Microsoft.Playwright;

namespace DataCenterOps.Benchmarks.Dashboard;

/// <summary>
/// <c>e2e wall [--minutes M]</c>: the wall screen (<c>/room/wall</c>) left open against the real app (devices polled
/// every second, clock ticking every second). Every minute it samples the server's working set (VmRSS), private
/// memory, managed heap right after an induced full GC (<see cref="ManagedHeap"/>) and open handles (file
/// descriptors), and reports first, last and highest sample of each and the slope (least squares over the samples
/// after the first two minutes' warm-up, per hour). 10 minutes by default; <c>--minutes 60</c> (or
/// <c>DCOPS_WALL_MINUTES=60</c>) for the hour. Flat means a slope within the noise of the samples.
/// </summary>
public sealed class WallSoakBenchmark : IEndToEndBenchmark
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    public string Name => "wall";

    public TimeSpan Timeout => Minutes + TimeSpan.FromMinutes(10);

    private static TimeSpan Minutes => EndToEndRunner.Duration ?? TimeSpan.FromMinutes(
        int.TryParse(Environment.GetEnvironmentVariable("DCOPS_WALL_MINUTES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 10);

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var figures = new List<Figure> { new("load average (1 min) at start", Browsers.LoadAverage(), "") };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);
        await using var app = await WebAppProcess.StartAsync(Browsers.FindRepositoryRoot(), cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  app process id {app.ProcessId}, log {app.LogPath}"));
        await using var context = await Browsers.NewContextAsync(browser, 120_000);
        var page = await context.NewPageAsync();
        await Browsers.SignInAsync(page, app.BaseUrl);
        await page.GotoAsync(app.BaseUrl + "/room/wall");
        await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("[data-source='Mains']");

        var samples = new List<Sample>();
        var loads = new List<double>();
        var started = DateTime.UtcNow;
        var until = started + Minutes;
        Console.WriteLine("  minute | working set MiB | private MiB | managed heap after GC MiB | handles | load");
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(Every, cancellationToken);
            if (app.ProcessId is not { } pid)
            {
                Console.WriteLine("  the app's process is gone: stopping early");
                break;
            }

            var heap = await ManagedHeap.AfterFullGcAsync(pid, cancellationToken);
            var (rss, handles) = app.Resources();
            var sample = new Sample(
                (DateTime.UtcNow - started).TotalMinutes,
                rss / 1048576.0,
                app.PrivateBytes() / 1048576.0,
                heap is { } h ? h / 1048576.0 : double.NaN,
                handles);
            samples.Add(sample);
            loads.Add(Browsers.LoadAverage());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {sample.Minute,6:0.0} | {sample.WorkingSetMiB,15:0.0} | {sample.PrivateMiB,11:0.0} | {sample.HeapMiB,25:0.00} | {sample.Handles,7} | {loads[^1]:0.0}"));
        }

        // The page must still be live at the end (the clock and the values still change).
        var live = false;
        if (app.IsRunning)
        {
            var clock = await page.TextContentAsync(".room-wall-clock");
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            live = clock != await page.TextContentAsync(".room-wall-clock");
        }

        figures.Add(new("minutes sampled", samples.Count == 0 ? 0 : samples[^1].Minute, "min"));
        if (samples.Count > 0)
        {
            Add(figures, samples, "working set (VmRSS)", s => s.WorkingSetMiB, "MiB");
            Add(figures, samples, "private memory", s => s.PrivateMiB, "MiB");
            Add(figures, [.. samples.Where(s => !double.IsNaN(s.HeapMiB))], "managed heap after a full GC", s => s.HeapMiB, "MiB");
            Add(figures, samples, "open handles", s => s.Handles, "");
            figures.Add(new("load average (1 min) during the run, lowest", loads.Min(), ""));
            figures.Add(new("load average (1 min) during the run, highest", loads.Max(), ""));
        }

        figures.Add(new("wall screen still live at the end (clock moved: 1 = yes)", live ? 1 : 0, ""));
        return figures;
    }

    private static void Add(List<Figure> figures, IReadOnlyList<Sample> samples, string what, Func<Sample, double> value, string unit)
    {
        if (samples.Count == 0)
        {
            return;
        }

        figures.Add(new($"{what}: first sample (1 min)", value(samples[0]), unit));
        figures.Add(new($"{what}: last sample", value(samples[^1]), unit));
        figures.Add(new($"{what}: highest sample", samples.Max(value), unit));
        var warm = samples.Where(s => s.Minute >= 2.5).ToList();
        figures.Add(new($"{what}: slope after 2 min warm-up (least squares)", Slope(warm, value) * 60, unit + " per hour"));
    }

    /// <summary>Least-squares slope of value over minutes; 0 with fewer than two samples.</summary>
    private static double Slope(IReadOnlyList<Sample> samples, Func<Sample, double> value)
    {
        if (samples.Count < 2)
        {
            return 0;
        }

        var meanX = samples.Average(s => s.Minute);
        var meanY = samples.Average(value);
        var covariance = samples.Sum(s => (s.Minute - meanX) * (value(s) - meanY));
        var variance = samples.Sum(s => (s.Minute - meanX) * (s.Minute - meanX));
        return variance == 0 ? 0 : covariance / variance;
    }

    private readonly record struct Sample(double Minute, double WorkingSetMiB, double PrivateMiB, double HeapMiB, int Handles);
}
