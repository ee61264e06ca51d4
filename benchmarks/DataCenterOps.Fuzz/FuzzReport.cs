namespace DataCenterOps.Fuzz;

/// <summary>What one campaign did; <see cref="Crashes"/> holds one example input per distinct crash.</summary>
internal sealed record FuzzReport(
    string Target,
    int Seed,
    long Executions,
    long Accepted,
    TimeSpan Elapsed,
    int SeedInputs,
    int CorpusSize,
    int EdgesFromSeeds,
    int Edges,
    int SavedInputs,
    IReadOnlyDictionary<string, byte[]> Crashes)
{
    public double ExecutionsPerSecond => Executions / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public override string ToString() =>
        $"{Target}: seed {Seed}, {Executions:N0} executions in {Elapsed.TotalSeconds:0.0} s ({ExecutionsPerSecond:N0}/s), " +
        $"{Accepted:N0} accepted, {Executions - Accepted:N0} refused, {Crashes.Count} unique crashes; corpus {SeedInputs} → {CorpusSize}" +
        (Edges > 0 ? $", edges {EdgesFromSeeds} → {Edges}, {SavedInputs} new inputs saved" : " (not instrumented: no coverage)");
}
