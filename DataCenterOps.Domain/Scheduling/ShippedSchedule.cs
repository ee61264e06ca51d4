using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>A schedule as shipped: which checklist, for which kind, how often.</summary>
public sealed record ShippedSchedule(string Code, string Name, EquipmentKind Kind, ScheduleCadence Cadence, string TemplateCode);
