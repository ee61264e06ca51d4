using System.Diagnostics;

namespace DataCenterOps.Fuzz;

/// <summary>
/// A seeded, coverage-guided mutation campaign over one target: the repository's corpus is run first, then inputs
/// mutated from the growing queue; an input that reaches new coverage joins the queue (and, when saving, the
/// repository's corpus). A crash is any exception the target lets escape, told apart by its type and the frame that
/// threw it.
/// </summary>
internal sealed class FuzzCampaign(IFuzzTarget target, CoverageMap coverage)
{
    public FuzzReport Run(IReadOnlyList<byte[]> seeds, int seed, long executions, string? saveTo, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var random = new Random(seed);
        var mutator = new Mutator(random, target.MaxInputLength);
        var queue = new List<byte[]>();
        var crashes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long done = 0, accepted = 0;
        var saved = 0;
        var clock = Stopwatch.StartNew();
        var nextProgress = TimeSpan.FromSeconds(10);

        foreach (var input in seeds)
        {
            accepted += Execute(input, crashes) ? 1 : 0;
            done++;
            coverage.TakeNew();
            queue.Add(input);
        }

        var edgesFromSeeds = coverage.Edges;
        if (queue.Count == 0)
        {
            queue.Add([0x30, 0x00]);
        }

        while (done < executions)
        {
            var input = mutator.Mutate(queue);
            accepted += Execute(input, crashes) ? 1 : 0;
            done++;
            if (coverage.TakeNew())
            {
                queue.Add(input);
                if (saveTo is not null && CorpusFolder.Save(saveTo, target.Name, input))
                {
                    saved++;
                }
            }

            if (progress is not null && (done & 0x3FFF) == 0 && clock.Elapsed >= nextProgress)
            {
                nextProgress = clock.Elapsed + TimeSpan.FromSeconds(10);
                progress($"{target.Name}: {done:N0} / {executions:N0} executions, {done / clock.Elapsed.TotalSeconds:N0}/s, " +
                    $"queue {queue.Count}, edges {coverage.Edges}, unique crashes {crashes.Count}");
            }
        }

        return new FuzzReport(target.Name, seed, done, accepted, clock.Elapsed, seeds.Count, queue.Count, edgesFromSeeds, coverage.Edges, saved, crashes);
    }

    private bool Execute(byte[] input, Dictionary<string, byte[]> crashes)
    {
        coverage.Reset();
        try
        {
            return target.Run(input);
        }
#pragma warning disable CA1031 // Any exception the target lets escape is the finding, recorded and not rethrown.
        catch (Exception e)
#pragma warning restore CA1031
        {
            crashes.TryAdd(Signature(e), input);
            return false;
        }
    }

    /// <summary>The exception type and the first frame of our code: one line per distinct bug, not per input.</summary>
    internal static string Signature(Exception e)
    {
        var frame = new StackTrace(e, false).GetFrames()
            .Select(f => f.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.FullName?.StartsWith("DataCenterOps.", StringComparison.Ordinal) == true);
        return $"{e.GetType().Name} at {frame?.DeclaringType?.FullName}.{frame?.Name}";
    }
}
