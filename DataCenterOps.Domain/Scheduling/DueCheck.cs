using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Persistence;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>
/// One check a schedule asks for: one equipment item, one period. Unique on (ScheduleId, EquipmentId, DueDate),
/// so a retried or duplicated job can never create a second one (nor a second plan item).
/// </summary>
public sealed class DueCheck : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ScheduleId { get; set; }
    public MaintenanceSchedule? Schedule { get; set; }
    public Guid EquipmentId { get; set; }
    public Equipment? Equipment { get; set; }

    /// <summary>First day of the period (local calendar of Sop:TimeZone).</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>Last day of the period: done after it is late; never done is missed.</summary>
    public DateOnly DeadlineDate { get; set; }
    public DueCheckState State { get; set; } = DueCheckState.Unassigned;

    /// <summary>
    /// For a meter schedule the mark passed (e.g. 250, 500 run hours); for battery health the month (yyyyMM). Unique with
    /// schedule and equipment, so a mark makes one due check however often the routine runs; null for calendar checks.
    /// </summary>
    public long? MeterMark { get; set; }

    /// <summary>Why it fell due when not by the calendar, e.g. "engine.run_hours 251,3 h ≥ 250 h".</summary>
    public string? Trigger { get; set; }
    public Guid? WorkPlanItemId { get; set; }
    public WorkPlanItem? WorkPlanItem { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? PlannedAtUtc { get; set; }
    public string? FailureReason { get; set; }
    public string? FailureRecordedById { get; set; }
    public DateTime? FailureRecordedAtUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
