using System.Globalization;
using System.Text;

namespace DataCenterOps.Benchmarks.Soak;

/// <summary>What the soak saw, and whether that counts as nothing lost and nothing broken.</summary>
internal sealed class SoakReport(double minutes, int seed, string faults, bool smallDisk)
{
    private readonly string _loadAtStart = Load();

    public List<string> Failures { get; } = [];

    public int Kills { get; set; }

    public long CommittedBeforeKill { get; set; }

    public List<long> UnflushedMs { get; } = [];

    public List<DateTimeOffset> KilledAt { get; } = [];

    public List<double> RestartSeconds { get; } = [];

    public List<(string Fault, double Seconds)> Resumed { get; } = [];

    public List<(double PerSecond, double WorstPollRatio)> TrapFloods { get; } = [];

    public List<(double Minute, int Start, long Rss, int Handles)> Samples { get; } = [];

    public Dictionary<string, string> Integrity { get; } = [];

    public bool AliveAtEnd { get; set; }

    public bool AliveWhenDiskFull { get; set; } = true;

    public long Duplicates { get; set; }

    public long HangingConnections { get; set; }

    public long ResettingConnections { get; set; }

    public int VerifyEvidenceExit { get; set; } = -1;

    public int ErrorLines { get; private set; }

    public int CriticalLines { get; private set; }

    public int UnhandledExceptions { get; private set; }

    /// <summary>Batches reported as failed that had committed all the same, found by the history writer before it wrote them again.</summary>
    public int FailedButCommitted { get; private set; }

    public List<string> FirstErrors { get; } = [];

    public StepsFigures Steps { get; } = new();

    public int SopKills { get; set; }

    public List<long> SopInFlightAtKill { get; } = [];

    public long SopSent { get; set; }

    public long SopAnswered { get; set; }

    public int SopEntries { get; set; }

    public int SopExits { get; set; }

    public long SopRefused { get; set; }

    public long SopRefusalRows { get; set; }

    public int SopMissingEntries { get; set; }

    public int SopMissingExits { get; set; }

    /// <summary>Answers the workload did not expect (e.g. a 5xx), distinct "status request".</summary>
    public List<string> SopUnexpected { get; set; } = [];

    /// <summary>Rules of an all-or-nothing transition broken after a restart, with the most rows seen breaking each.</summary>
    public Dictionary<string, long> SopHalfDone { get; } = [];

    private bool SopHeld =>
        SopKills == 0 || (SopMissingEntries == 0 && SopMissingExits == 0 && SopHalfDone.Count == 0 && SopEntries > 0 && SopRefusalRows >= SopRefused
            && !SopUnexpected.Any(u => u.StartsWith('5')));

    public bool Passed =>
        Failures.Count == 0 && Duplicates == 0 && AliveAtEnd && AliveWhenDiskFull && CriticalLines == 0 && UnhandledExceptions == 0
        && Integrity.Values.All(v => v == "ok") && VerifyEvidenceExit == 0 && Resumed.All(r => !double.IsNaN(r.Seconds))
        && SopHeld && Steps.Held;

    public void ReadLog(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("fail:", StringComparison.Ordinal))
            {
                ErrorLines++;
                if (FirstErrors.Count < 5)
                {
                    FirstErrors.Add(line);
                }
            }

            CriticalLines += line.StartsWith("crit:", StringComparison.Ordinal) ? 1 : 0;
            UnhandledExceptions += line.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            FailedButCommitted += line.Contains("were in the database after all", StringComparison.Ordinal) ? 1 : 0;
        }
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder()
            .AppendLine(Invariant($"## soak ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average 1/5/15 min {Load()} at the end, {_loadAtStart} at the start)"))
            .AppendLine()
            .AppendLine(Invariant($"`soak --minutes {minutes} --seed {seed} --faults {faults}`: **{(Passed ? "passed" : "FAILED")}**"))
            .AppendLine()
            .AppendLine("| what | value |")
            .AppendLine("|---|---:|");
        Row(text, "kill -9 during ingest", Kills);
        Row(text, "readings committed before the kills, all still there", Failures.Any(f => f.StartsWith("kill", StringComparison.Ordinal)) ? "no" : Invariant($"yes ({CommittedBeforeKill:N0} checked)"));
        Row(text, "readings stored twice", Duplicates);
        Row(text, "batches reported failed that had committed (found, not written again)", FailedButCommitted);
        Row(text, "killed at", string.Join(", ", KilledAt.Select(k => k.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))));
        Row(text, "not yet flushed at the kill: newest committed reading before it, worst (flush every 250 ms, poll every 1 s)", UnflushedMs.Count == 0 ? "-" : Invariant($"{UnflushedMs.Max():N0} ms"));
        Row(text, "not yet flushed at the kill, median", UnflushedMs.Count == 0 ? "-" : Invariant($"{UnflushedMs.Order().ElementAt(UnflushedMs.Count / 2):N0} ms"));
        Row(text, "restart after kill -9 until serving, worst", RestartSeconds.Count == 0 ? "-" : Invariant($"{RestartSeconds.Max():0.0} s"));
        foreach (var group in Resumed.GroupBy(r => r.Fault))
        {
            Row(text, $"{group.Key}: readings resumed after release, worst", group.Any(r => double.IsNaN(r.Seconds)) ? "never (60 s)" : Invariant($"{group.Max(r => r.Seconds):0.0} s"));
        }

        Row(text, "disk full", smallDisk ? (AliveWhenDiskFull ? "survived" : "app died") : "not run (no tmpfs mount; run as root)");
        foreach (var (perSecond, ratio) in TrapFloods)
        {
            Row(text, Invariant($"trap flood 50,000 at {perSecond:N0}/s: healthy devices' polls stored, worst device"), Invariant($"{ratio:P0} of 1 per second"));
        }

        if (SopKills > 0)
        {
            Row(text, "kill -9 during access-register transitions over HTTP (sop)", SopKills);
            Row(text, "sop: requests sent / answered before the kills", Invariant($"{SopSent:N0} / {SopAnswered:N0}"));
            Row(text, "sop: requests in flight at each kill", string.Join(", ", SopInFlightAtKill));
            Row(text, "sop: entries acknowledged (201) / found after restart", Invariant($"{SopEntries:N0} / {SopEntries - SopMissingEntries:N0}"));
            Row(text, "sop: exits acknowledged (200, escort and visitors) / found left after restart", Invariant($"{SopExits:N0} / {SopExits - SopMissingExits:N0}"));
            Row(text, "sop: refusals acknowledged (409) / refusal rows stored", Invariant($"{SopRefused:N0} / {SopRefusalRows:N0}"));
            Row(text, "sop: transitions half-done (entry, exit, grant use, refusal without its other rows or audit entry)", SopHalfDone.Values.Sum());
            Row(text, "sop: other answers", SopUnexpected.Count == 0 ? "none" : string.Join(", ", SopUnexpected));
        }

        Steps.AppendRows(text, Row);
        Row(text, "device hanging mid-reply: connections the poller tried", HangingConnections);
        Row(text, "device resetting every connection: connections the poller tried", ResettingConnections);
        if (Samples.Count > 0)
        {
            var last = Samples.Where(s => s.Start == Samples[^1].Start).ToList();
            ResourceRows(text, "the last run", last);
            // The first minutes of a run are the start's warm-up (JIT, caches, pools); flat means flat after them.
            var settled = last.Where(s => s.Minute >= (last[0].Minute + last[^1].Minute) / 2).ToList();
            if (settled.Count > 1)
            {
                ResourceRows(text, "the last run's second half", settled);
            }
        }

        Row(text, "integrity_check", string.Join(", ", Integrity.Select(i => $"{i.Key} {i.Value}")));
        Row(text, "verify-evidence exit code", VerifyEvidenceExit);
        Row(text, "log lines fail: / crit: / unhandled exceptions", Invariant($"{ErrorLines} / {CriticalLines} / {UnhandledExceptions}"));
        Row(text, "app alive at the end", AliveAtEnd ? "yes" : "no");
        foreach (var (rule, rows) in SopHalfDone)
        {
            text.AppendLine().AppendLine(Invariant($"- half-done: {rule} ({rows} rows)"));
        }

        Steps.AppendFindings(text);
        foreach (var failure in Failures)
        {
            text.AppendLine().AppendLine("- failure: " + failure);
        }

        foreach (var error in FirstErrors)
        {
            text.AppendLine().AppendLine("- first error lines: `" + error + "`");
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string what, object value) => text.AppendLine(Invariant($"| {what} | {value} |"));

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void ResourceRows(StringBuilder text, string span, List<(double Minute, int Start, long Rss, int Handles)> samples)
    {
        Row(text, $"memory (VmRSS) of {span}: first / last / max", Invariant($"{Mib(samples[0].Rss)} / {Mib(samples[^1].Rss)} / {Mib(samples.Max(s => s.Rss))} MiB over {samples[^1].Minute - samples[0].Minute:0.0} min"));
        Row(text, $"open handles of {span}: first / last / max", Invariant($"{samples[0].Handles} / {samples[^1].Handles} / {samples.Max(s => s.Handles)}"));
    }
}
