using System.Globalization;
using System.Text;

namespace DataCenterOps.Benchmarks.Soak;

/// <summary>What the soak saw of the six SOP steps driven in Chromium with a kill -9 in the middle of one (the <c>steps</c> fault).</summary>
internal sealed class StepsFigures
{
    /// <summary>Each kill: the transition whose committing click came just before it, the delay, and whether dcops.db had it after the restart.</summary>
    public List<(string Transition, int DelayMs, bool Committed)> Kills { get; } = [];

    public int FlowsStarted { get; set; }

    /// <summary>Flows taken through to the archive after their kill, and the integrity the archive page showed for each.</summary>
    public List<string?> ArchivedIntegrity { get; } = [];

    public List<double> FlowSeconds { get; } = [];

    /// <summary>Rules of an all-or-nothing step transition broken after a restart, with the most rows seen breaking each.</summary>
    public Dictionary<string, long> HalfDone { get; } = [];

    public List<string> Failures { get; } = [];

    public bool Held =>
        FlowsStarted == 0
        || (HalfDone.Count == 0 && Failures.Count == 0 && ArchivedIntegrity.Count == FlowsStarted && ArchivedIntegrity.All(i => i == "Intact"));

    public void AppendRows(StringBuilder text, Action<StringBuilder, string, object> row)
    {
        if (FlowsStarted == 0)
        {
            return;
        }

        row(text, "kill -9 during the six SOP steps in Chromium (steps): flows started / archived Intact after the restart",
            Invariant($"{FlowsStarted} / {ArchivedIntegrity.Count(i => i == "Intact")}"));
        row(text, "steps: transition clicked before each kill (delay; committed or not after the restart)",
            string.Join(", ", Kills.Select(k => Invariant($"{k.Transition} (+{k.DelayMs} ms; {(k.Committed ? "committed" : "not committed, done again")})"))));
        row(text, "steps: transitions half-done (a state without its audit row, checklists, submission, review or archive row, or the reverse)", HalfDone.Values.Sum());
        if (FlowSeconds.Count > 0)
        {
            row(text, "steps: one flow, Surat Tugas to archive, including its kill and restart, worst", Invariant($"{FlowSeconds.Max():0} s"));
        }
    }

    /// <summary>The broken rules and failures, as the list below the table.</summary>
    public void AppendFindings(StringBuilder text)
    {
        foreach (var (rule, rows) in HalfDone)
        {
            text.AppendLine().AppendLine(Invariant($"- steps half-done: {rule} ({rows} rows)"));
        }

        foreach (var failure in Failures)
        {
            text.AppendLine().AppendLine("- steps failure: " + failure);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
