using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>A schedule as shipped: which checklist, for which kind, how often (for a meter schedule: which point, every how much).</summary>
public sealed record ShippedSchedule(
    string Code, string Name, EquipmentKind Kind, ScheduleCadence Cadence, string TemplateCode, string? MeterPoint = null, double? MeterEvery = null);
