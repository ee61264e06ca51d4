namespace DataCenterOps.Web.Features.Routine.Sla;

/// <summary>Something late: an SOP step past its standard time or a due check past its period.</summary>
/// <param name="Key">Stable per item and occurrence; the escalation level is appended for the dedupe key.</param>
public sealed record OverdueItem(string Key, string Title, string Detail, IReadOnlyList<string> ResponsibleUserIds, DateTime DueAtUtc);
