using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Seeding;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>A schedule as shipped: which checklist, for which kind, how often (for a meter schedule: which point, every how much); its title in both languages.</summary>
public sealed record ShippedSchedule(
    string Code, ShippedName Name, EquipmentKind Kind, ScheduleCadence Cadence, string TemplateCode, string? MeterPoint = null, double? MeterEvery = null);
