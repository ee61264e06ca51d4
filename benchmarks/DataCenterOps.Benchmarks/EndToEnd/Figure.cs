namespace DataCenterOps.Benchmarks.EndToEnd;

/// <summary>One measured figure, e.g. ("walk 10k OIDs, ours", 12.3, "ms").</summary>
public sealed record Figure(string What, double Value, string Unit);
