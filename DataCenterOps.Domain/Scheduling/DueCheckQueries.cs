using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>Reads due checks with their outcome, decided from the checklist's completion and the period's last day.</summary>
internal static class DueCheckQueries
{
    public static async Task<IReadOnlyList<ComplianceRow>> RowsAsync(
        DataCenterOpsDbContext db, IQueryable<DueCheck> query, DateOnly today, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var raw = await query
            .OrderBy(d => d.DueDate).ThenBy(d => d.Equipment!.Name).ThenBy(d => d.Schedule!.Name)
            .Select(d => new
            {
                d.Id, d.EquipmentId, EquipmentName = d.Equipment!.Name, ScheduleName = d.Schedule!.Name, d.Schedule!.Cadence,
                d.DueDate, d.DeadlineDate, d.State, d.FailureReason,
                InspectorId = d.WorkPlanItem == null ? null : d.WorkPlanItem.InspectorId,
                Status = d.WorkPlanItem == null || d.WorkPlanItem.Execution == null ? (ExecutionStatus?)null : d.WorkPlanItem.Execution.Status,
                Finished = d.WorkPlanItem == null || d.WorkPlanItem.Execution == null ? null : d.WorkPlanItem.Execution.FinishedAtUtc,
            })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return raw.Select(r =>
        {
            DateTime? completed = r.Status == ExecutionStatus.Completed ? r.Finished : null;
            var outcome = Decide(r.State, completed, r.DeadlineDate, today, zone);
            return new ComplianceRow(r.Id, r.EquipmentId, r.EquipmentName, r.ScheduleName, r.Cadence, r.DueDate, r.DeadlineDate,
                r.State, outcome, r.InspectorId, completed, r.FailureReason);
        }).ToList();
    }

    public static ComplianceOutcome Decide(DueCheckState state, DateTime? completedAtUtc, DateOnly deadline, DateOnly today, TimeZoneInfo zone)
    {
        if (state == DueCheckState.EquipmentFailed)
        {
            return ComplianceOutcome.EquipmentFailed;
        }

        if (completedAtUtc is { } done)
        {
            var doneOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(done, zone));
            return doneOn <= deadline ? ComplianceOutcome.OnTime : ComplianceOutcome.Late;
        }

        return today > deadline ? ComplianceOutcome.Missed : ComplianceOutcome.Pending;
    }
}
