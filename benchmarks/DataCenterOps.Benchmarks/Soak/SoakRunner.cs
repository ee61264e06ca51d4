using System.Diagnostics;
using System.Globalization;
using DataCenterOps.Benchmarks.EndToEnd;
using DataCenterOps.Benchmarks.Hosting;
using Microsoft.Data.Sqlite;

namespace DataCenterOps.Benchmarks.Soak;

/// <summary>
/// <c>soak [--minutes M] [--seed S] [--faults kill,lock,disk,traps,sop,steps] [--out FILE]</c>: runs the real app with its simulated room and two broken devices for M minutes
/// while injecting faults in a seeded order — SIGKILL during ingest, monitoring.db locked past the command timeout, the
/// data folder's disk full (a size-limited tmpfs, when the runner may mount one), a flood of traps, SIGKILL while access-register
/// transitions are in flight over HTTP, SIGKILL right after a committing click of the six SOP steps in Chromium — and checks after each that nothing committed was lost, nothing was written
/// twice, every transition is all or nothing and the healthy devices kept their cadence. Figures go
/// at the top of benchmarks/results/soak.md, above the earlier runs; exit 0 when nothing was lost or broken, 1 otherwise.
/// </summary>
internal static partial class SoakRunner
{
    public const string HangingDeviceId = "soak-hanging";
    public const string ResettingDeviceId = "soak-resetting";

    private const int DiskMegabytes = 192;

    public static async Task<int> RunAsync(string[] args)
    {
        var minutes = Option(args, "--minutes", 10.0);
        var seed = (int)Option(args, "--seed", 20261201);
        var random = new Random(seed);
        var root = RepositoryRoot();
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"dcops-soak-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        var smallDisk = TryMount(dataDirectory);
        var faultNames = OptionText(args, "--faults", "kill,lock,disk,traps,sop,steps");
        var report = new SoakReport(minutes, seed, faultNames, smallDisk);
        await using var hanging = new MisbehavingDevice(MisbehavingDevice.Behaviour.HangMidReply);
        await using var resetting = new MisbehavingDevice(MisbehavingDevice.Behaviour.Reset);
        // Two devices that misbehave on the wire for the whole run: one hangs mid-reply, one resets every connection.
        var app = new WebAppProcess(root, dataDirectory, [FaultyDevice(HangingDeviceId, hanging.Port), FaultyDevice(ResettingDeviceId, resetting.Port)]);
        IReadOnlyList<string> healthy = [.. app.ConfiguredDevices.Select(d => d.Id)];
        var ledger = new HistoryLedger(dataDirectory);
        var sopLedger = new SopLedger(dataDirectory);
        var sop = new SopWorkload(app, sopLedger);
        var stepsLedger = new StepsLedger(dataDirectory);
        await using var steps = new StepsWorkload(app, stepsLedger);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes + 10));
        var sampler = Task.CompletedTask;
        try
        {
            Console.WriteLine($"soak: {minutes} min, seed {seed}, data in {dataDirectory}{(smallDisk ? $" (tmpfs {DiskMegabytes} MiB)" : "")}, log {app.LogPath}");
            await app.StartAsync(stop.Token);
            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            sampler = SampleAsync(app, report, sampling.Token);
            await Task.Delay(TimeSpan.FromSeconds(10), stop.Token);
            var clock = Stopwatch.StartNew();
            var end = TimeSpan.FromMinutes(minutes);
            var chosen = faultNames.Split(',', StringSplitOptions.TrimEntries);
            var faults = new Dictionary<string, Func<Task>>(StringComparer.Ordinal)
            {
                ["kill"] = () => KillDuringIngestAsync(app, ledger, report, random, stop.Token),
                ["lock"] = () => DatabaseLockedAsync(app, ledger, report, stop.Token),
                ["traps"] = () => TrapFloodAsync(app, healthy, ledger, report, stop.Token),
                ["disk"] = () => DiskFullAsync(app, ledger, report, dataDirectory, stop.Token),
                ["sop"] = () => KillDuringStepsAsync(app, sop, sopLedger, report, random, stop.Token),
                ["steps"] = () => KillDuringWorkflowAsync(app, steps, stepsLedger, report, random, stop.Token),
            }
            .Where(f => chosen.Contains(f.Key) && (f.Key != "disk" || smallDisk))
            .Select(f => f.Value)
            .ToList();

            // Every chosen fault at least once (a slow restart on a loaded machine must not crowd the others out), then
            // more rounds while the time lasts.
            for (var round = 0; round == 0 || clock.Elapsed < end; round++)
            {
                foreach (var fault in faults.OrderBy(_ => random.Next()).ToList())
                {
                    if (round > 0 && clock.Elapsed >= end)
                    {
                        break;
                    }

                    if (!app.IsRunning)
                    {
                        report.Failures.Add("the app died on its own");
                        await app.StartAsync(stop.Token);
                    }

                    await fault();
                    await Task.Delay(TimeSpan.FromSeconds(random.Next(3, 8)), stop.Token);
                }
            }

            report.AliveAtEnd = app.IsRunning;
            await sampling.CancelAsync();
            await sampler.ContinueWith(_ => { }, TaskScheduler.Default);
            report.HangingConnections = hanging.Connections;
            report.ResettingConnections = resetting.Connections;
            await app.KillAsync();
            report.Duplicates = ledger.Duplicates();
            report.Failures.AddRange(ledger.DuplicateExamples().Select(d => "stored twice: " + d));
            report.Integrity["monitoring.db"] = HistoryLedger.IntegrityOf(Path.Combine(dataDirectory, "monitoring.db"));
            report.Integrity["dcops.db"] = HistoryLedger.IntegrityOf(Path.Combine(dataDirectory, "dcops.db"));
            if (report.SopKills > 0)
            {
                CheckSteps(sop, sopLedger, report);
            }

            if (report.Steps.FlowsStarted > 0)
            {
                CheckStepRules(stepsLedger, report.Steps);
            }

            report.VerifyEvidenceExit = await VerifyEvidenceAsync(root, dataDirectory);
            report.ReadLog(app.LogPath);
        }
        finally
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            if (smallDisk)
            {
                Run("umount", dataDirectory);
            }

            TryDelete(dataDirectory);
        }

        var markdown = report.ToMarkdown();
        Console.WriteLine(markdown);
        // --out: where the figures go (CI's short run writes beside its log, not over the documented results).
        var output = OptionText(args, "--out", Path.Combine(root, "benchmarks", "results", "soak.md"));
        await ResultsFile.PrependAsync(output, markdown);
        return report.Passed ? 0 : 1;
    }

    private static Dictionary<string, string> FaultyDevice(string id, int port) => new(StringComparer.Ordinal)
    {
        ["Id"] = id,
        ["Name"] = id,
        ["Kind"] = "Environment",
        ["Protocol"] = "ModbusTcp",
        ["Profile"] = "env-modbus",
        ["Host"] = "127.0.0.1",
        ["Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["UnitId"] = "1",
        ["IntervalSeconds"] = "1",
        ["TimeoutSeconds"] = "2",
    };

    private static async Task SampleAsync(WebAppProcess app, SoakReport report, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!ct.IsCancellationRequested)
        {
            var (rss, handles) = app.Resources();
            if (rss > 0)
            {
                report.Samples.Add((clock.Elapsed.TotalMinutes, app.Starts, rss, handles));
            }

            await Task.Delay(TimeSpan.FromSeconds(5), ct);
        }
    }

    private static async Task<int> VerifyEvidenceAsync(string root, string dataDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(root, "DataCenterOps.Web", "bin", "Release", "net10.0", "DataCenterOps.Web.dll"));
        start.ArgumentList.Add("verify-evidence");
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.WorkingDirectory = Path.Combine(root, "DataCenterOps.Web", "bin", "Release", "net10.0");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Console.Write(output);
        return process.ExitCode;
    }

    private static bool TryMount(string directory) =>
        Environment.GetEnvironmentVariable("DCOPS_SOAK_NO_MOUNT") is null
        && Run("mount", "-t", "tmpfs", "-o", $"size={DiskMegabytes}m", "tmpfs", directory) == 0;

    private static int Run(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && double.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static string OptionText(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DataCenterOps.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
