using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Persistence;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>
/// A routine check: every item of <see cref="EquipmentKind"/> gets the checklist <see cref="TemplateId"/> once
/// per <see cref="Cadence"/> period. Shipped as data (<see cref="ShippedSchedules"/>); the Pengelola edits them.
/// </summary>
public sealed class MaintenanceSchedule : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Stable short key, e.g. "crac-daily"; also the Hangfire recurring job id suffix.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public EquipmentKind EquipmentKind { get; set; }
    public Guid TemplateId { get; set; }
    public ChecklistTemplate? Template { get; set; }
    public ScheduleCadence Cadence { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>For a <see cref="ScheduleCadence.Meter"/> schedule: the monitored point that counts (e.g. "engine.run_hours").</summary>
    public string? MeterPoint { get; set; }

    /// <summary>For a <see cref="ScheduleCadence.Meter"/> schedule: due every this many of the meter's unit (e.g. 250 h).</summary>
    public double? MeterEvery { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public string? UpdatedById { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
