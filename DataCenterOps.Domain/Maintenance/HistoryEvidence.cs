namespace DataCenterOps.Domain.Maintenance;

/// <summary>
/// What monitoring history showed: the verdict, the figures (e.g. minutes, load_percent) and the evidence text in
/// Indonesian as the report carries it.
/// </summary>
public sealed record HistoryEvidence(HistoryVerdict Verdict, IReadOnlyDictionary<string, double> Figures, string Text);
