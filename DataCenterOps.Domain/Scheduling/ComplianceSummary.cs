namespace DataCenterOps.Domain.Scheduling;

/// <summary>The monthly compliance summary: every due check of the month per equipment, and the totals.</summary>
public sealed record ComplianceSummary(int Year, int Month, DateTime GeneratedAtUtc, IReadOnlyList<EquipmentCompliance> Equipment, IReadOnlyList<ComplianceRow> Rows);
