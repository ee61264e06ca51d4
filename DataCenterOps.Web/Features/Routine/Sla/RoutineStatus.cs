using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Domain.Sla;

namespace DataCenterOps.Web.Features.Routine.Sla;

/// <summary>What the routine tile shows: late SOP steps, late and unassigned checks, unsent notifications.</summary>
public sealed record RoutineStatus(
    IReadOnlyList<OpenStep> OverdueSteps,
    IReadOnlyList<ComplianceRow> OverdueChecks,
    IReadOnlyList<ComplianceRow> UnassignedChecks,
    int UnsentNotifications,
    DateTime AtUtc)
{
    public bool AllClear => OverdueSteps.Count == 0 && OverdueChecks.Count == 0 && UnassignedChecks.Count == 0 && UnsentNotifications == 0;
}
