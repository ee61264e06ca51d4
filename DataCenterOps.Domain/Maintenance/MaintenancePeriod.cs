namespace DataCenterOps.Domain.Maintenance;

/// <summary>
/// A monitored device under maintenance from <paramref name="StartUtc"/> until <paramref name="EndUtc"/> (null: until its
/// checklist is completed). <paramref name="Reason"/> is the plan's title or the Pengawas' reason.
/// </summary>
public sealed record MaintenancePeriod(
    string DeviceId, string EquipmentName, DateTime StartUtc, DateTime? EndUtc, MaintenanceWindowSource Source, string Reason, Guid SourceId);
