using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Maintenance;

/// <summary>
/// Which monitored equipment is under maintenance, from the paperwork: an item of a Rencana Kerja in execution is so on
/// its planned day (in the SOP's time zone) and for as long as its checklist is open; an ad-hoc window for its period.
/// </summary>
public sealed class MaintenanceWindowQueries(DataCenterOpsDbContext db)
{
    /// <summary>Windows covering <paramref name="utcNow"/> or starting within <paramref name="ahead"/>, earliest first.</summary>
    public async Task<IReadOnlyList<MaintenancePeriod>> CurrentAsync(DateTime utcNow, TimeZoneInfo zone, TimeSpan ahead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone));
        var items = await db.WorkPlanItems.AsNoTracking()
            .Where(i => i.Equipment!.MonitoringDeviceId != null
                && db.WorkPlans.Any(p => p.Id == i.PlanId && p.State == SopState.InExecution)
                && (i.Execution == null || i.Execution.Status != ExecutionStatus.Completed)
                && (i.PlannedDate == today || (i.Execution != null && i.Execution.Status == ExecutionStatus.InProgress)))
            .Select(i => new
            {
                i.Id,
                DeviceId = i.Equipment!.MonitoringDeviceId!,
                i.Equipment.Name,
                i.PlannedDate,
                Open = i.Execution != null && i.Execution.Status == ExecutionStatus.InProgress,
                Plan = db.WorkPlans.Where(p => p.Id == i.PlanId).Select(p => p.Title).First(),
            })
            .ToListAsync(cancellationToken);
        var until = utcNow + ahead;
        var adHoc = await db.MaintenanceWindows.AsNoTracking()
            .Where(w => w.EndUtc > utcNow && w.StartUtc <= until && w.Equipment!.MonitoringDeviceId != null)
            .Select(w => new MaintenancePeriod(w.Equipment!.MonitoringDeviceId!, w.Equipment.Name, w.StartUtc, w.EndUtc, MaintenanceWindowSource.AdHoc, w.Reason, w.Id))
            .ToListAsync(cancellationToken);
        return [.. items.Select(i => new MaintenancePeriod(
                i.DeviceId, i.Name, LocalMidnightUtc(i.PlannedDate, zone),
                i.Open ? null : LocalMidnightUtc(i.PlannedDate.AddDays(1), zone),
                MaintenanceWindowSource.WorkPlan, i.Plan, i.Id))
            .Concat(adHoc)
            .OrderBy(p => p.StartUtc).ThenBy(p => p.DeviceId, StringComparer.Ordinal)];
    }

    /// <summary>The monitoring ids of equipment with a checklist in progress now (the room tiles' "in maintenance").</summary>
    public async Task<IReadOnlySet<string>> DevicesWithChecklistInProgressAsync(CancellationToken cancellationToken = default)
    {
        var ids = await db.ChecklistExecutions
            .Where(e => e.Status == ExecutionStatus.InProgress && e.WorkPlanItem!.Equipment!.MonitoringDeviceId != null)
            .Select(e => e.WorkPlanItem!.Equipment!.MonitoringDeviceId!)
            .Distinct()
            .ToListAsync(cancellationToken);
        return ids.ToHashSet(StringComparer.Ordinal);
    }

    private static DateTime LocalMidnightUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
