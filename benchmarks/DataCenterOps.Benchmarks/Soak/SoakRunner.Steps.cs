using System.Diagnostics;
using DataCenterOps.Benchmarks.Hosting;
using Microsoft.Playwright;

namespace DataCenterOps.Benchmarks.Soak;

/// <summary>The <c>steps</c> fault: SIGKILL right after the committing click of one of the six SOP steps, driven in Chromium.</summary>
internal static partial class SoakRunner
{
    /// <summary>
    /// One Surat Tugas taken from draft to archive through the screens; right after the click that commits one
    /// transition (chosen by the seed) the app is killed, after a seeded delay of up to 250 ms. After the restart the
    /// transition is either wholly in dcops.db or not at all (then it is done again), no step anywhere is half-done,
    /// and the flow goes on to the archive, which must show the report Intact.
    /// </summary>
    private static async Task KillDuringWorkflowAsync(WebAppProcess app, StepsWorkload steps, StepsLedger ledger, SoakReport report, Random random, CancellationToken ct)
    {
        var figures = report.Steps;
        var clock = Stopwatch.StartNew();
        var killAt = random.Next(StepsWorkload.Transitions.Count);
        var delayMs = random.Next(0, 250);
        figures.FlowsStarted++;
        var transition = "DraftLetter";
        try
        {
            var letterId = await steps.DraftLetterAsync(ct);
            for (var i = 0; i < StepsWorkload.Transitions.Count; i++)
            {
                transition = StepsWorkload.Transitions[i];
                var progress = ledger.Progress(letterId);
                if (StepsWorkload.IsDone(transition, progress))
                {
                    continue;
                }

                await steps.ActAsync(transition, progress, ct);
                if (i != killAt)
                {
                    await steps.WaitDoneAsync(transition, letterId, ct);
                    continue;
                }

                await Task.Delay(delayMs, ct);
                await app.KillAsync();
                var restart = Stopwatch.StartNew();
                await app.StartAsync(ct);
                report.RestartSeconds.Add(restart.Elapsed.TotalSeconds);
                await steps.AfterRestartAsync();
                var committed = StepsWorkload.IsDone(transition, ledger.Progress(letterId));
                figures.Kills.Add((transition, delayMs, committed));
                CheckStepRules(ledger, figures);
                killAt = -1;
                if (!committed)
                {
                    i--;
                }
            }

            var done = ledger.Progress(letterId);
            figures.ArchivedIntegrity.Add(await steps.ArchiveIntegrityAsync(done.PlanId!.Value, ct));
            CheckStepRules(ledger, figures);
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException or InvalidOperationException)
        {
            var shots = await steps.ScreenshotsAsync(Path.Combine(Path.GetTempPath(), $"dcops-soak-steps-{Environment.ProcessId}"));
            figures.Failures.Add($"{transition}: {e.GetType().Name}: {e.Message.Split('\n')[0]} (screens in {shots})");
        }

        figures.FlowSeconds.Add(clock.Elapsed.TotalSeconds);
    }

    private static void CheckStepRules(StepsLedger ledger, StepsFigures figures)
    {
        foreach (var (rule, rows) in ledger.HalfDone())
        {
            figures.HalfDone[rule] = Math.Max(rows, figures.HalfDone.GetValueOrDefault(rule));
        }
    }
}
