using System.Diagnostics;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Benchmarks.Hosting;
using Microsoft.Playwright;

namespace DataCenterOps.Benchmarks.Dashboard;

/// <summary>
/// Trap to screen: the real app polls every device every 10 s, as a site runs it; the simulated genset fails to start,
/// so ups-1 stays on battery. Either nothing else happens and the dashboard learns it at the next poll, or net-snmp's
/// <c>snmptrap</c> sends ups-1's upsTrapOnBattery to the app's receiver, which polls ups-1 at once. Measured: from the
/// moment the change exists (the trap sent, or the scenario started) until ups-1's tile turns critical in Chromium.
/// The scenario starts at a random (seeded) phase of the poll cycle. The simulator's own traps are off for the run.
/// </summary>
public sealed class TrapToScreenBenchmark : IEndToEndBenchmark
{
    private const int Rounds = 8;
    private const int PollSeconds = 10;
    private const float WaitMs = 60_000;
    private const string Scenario = "genset-fail-to-start";
    private const string UpsCritical = "a.room-device[data-device='ups-1'].room-state-critical";
    private const string UpsNormal = "a.room-device[data-device='ups-1'].room-state-normal";

    public string Name => "trap-to-screen";

    public TimeSpan Timeout => TimeSpan.FromMinutes(20);

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken cancellationToken)
    {
        var figures = new List<Figure> { new("load average (1 min) at start", Browsers.LoadAverage(), "") };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchAsync(playwright);
        await using var app = new WebAppProcess(
            Browsers.FindRepositoryRoot(), environment: new Dictionary<string, string> { ["Simulator__TrapSinks__0"] = "" }, pollSeconds: PollSeconds);
        await app.StartAsync(cancellationToken);
        await using var context = await Browsers.NewContextAsync(browser, WaitMs);
        var dashboard = await context.NewPageAsync();
        await Browsers.SignInAsync(dashboard, app.BaseUrl);
        await dashboard.GotoAsync(app.BaseUrl + "/room");
        await dashboard.WaitForSelectorAsync(UpsNormal);
        var simulator = await context.NewPageAsync();
        await simulator.GotoAsync(app.BaseUrl + "/room/simulator");
        await simulator.WaitForSelectorAsync($"tr[data-scenario='{Scenario}'] .room-sim-start");

        var random = new Random(16);
        var byPoll = new List<double>();
        var byTrap = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            byPoll.Add(await RoundAsync(dashboard, simulator, random, sendTrap: null, cancellationToken));
            byTrap.Add(await RoundAsync(dashboard, simulator, random, () => SendOnBatteryTrapAsync(app.TrapPort, cancellationToken), cancellationToken));
            Console.WriteLine($"  round {round + 1}: poll {byPoll[^1]:0} ms, trap {byTrap[^1]:0} ms");
        }

        figures.AddRange(Summary($"snmptrap upsTrapOnBattery → dashboard shows ups-1 critical (poll {PollSeconds} s)", byTrap));
        figures.AddRange(Summary($"same change found by polling alone at {PollSeconds} s → dashboard", byPoll));
        figures.Add(new("load average (1 min) at end", Browsers.LoadAverage(), ""));
        return figures;
    }

    private static async Task<double> RoundAsync(IPage dashboard, IPage simulator, Random random, Func<Task>? sendTrap, CancellationToken cancellationToken)
    {
        await simulator.ClickAsync(".room-sim-reset");
        await dashboard.WaitForSelectorAsync(UpsNormal);
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(PollSeconds * 1000)), cancellationToken);

        await simulator.ClickAsync($"tr[data-scenario='{Scenario}'] .room-sim-start");
        // The scenario runs once the simulator page shows it active; from then on the UPS reports being on battery.
        await simulator.WaitForSelectorAsync($"tr[data-scenario='{Scenario}'] .room-state-critical");
        var clock = Stopwatch.StartNew();
        if (sendTrap is not null)
        {
            await sendTrap();
        }

        await dashboard.WaitForSelectorAsync(UpsCritical);
        return clock.Elapsed.TotalMilliseconds;
    }

    // ups-1 in appsettings.json: Host 127.0.0.1, community "ups-1"; numeric OIDs, no MIB files read.
    private static async Task SendOnBatteryTrapAsync(int port, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("snmptrap") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-v2c", "-c", "ups-1", $"127.0.0.1:{port}", "", "1.3.6.1.2.1.33.2.1", "1.3.6.1.2.1.33.1.2.2.0", "i", "1" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MIBS"] = string.Empty;
        start.Environment["MIBDIRS"] = string.Empty;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("snmptrap did not start (Debian package snmp).");
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"snmptrap exited with {process.ExitCode}: {errors}");
        }
    }

    private static IEnumerable<Figure> Summary(string what, List<double> times)
    {
        var sorted = times.Order().ToList();
        yield return new($"{what}: median of {sorted.Count}", sorted[sorted.Count / 2], "ms");
        yield return new($"{what}: worst of {sorted.Count}", sorted[^1], "ms");
    }
}
