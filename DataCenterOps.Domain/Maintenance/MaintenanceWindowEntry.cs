using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Domain.Maintenance;

/// <summary>An ad-hoc maintenance window a Pengawas opened for one item of equipment: its alarms are shown but not notified.</summary>
public sealed class MaintenanceWindowEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EquipmentId { get; set; }
    public Equipment? Equipment { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public string Reason { get; set; } = "";
    public string OpenedById { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
