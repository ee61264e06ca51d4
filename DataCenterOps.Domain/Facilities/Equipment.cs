using DataCenterOps.Domain.Sites;

namespace DataCenterOps.Domain.Facilities;

/// <summary>An item in the equipment registry. Its maintenance history is every checklist executed on it.</summary>
public sealed class Equipment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public EquipmentKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The site the item stands at (the default site unless said otherwise).</summary>
    public Guid SiteId { get; set; } = Site.DefaultId;

    public string Room { get; set; } = "";
    public string? Row { get; set; }
    public string? Rack { get; set; }
    public string? Vendor { get; set; }
    public string? Model { get; set; }
    public string? SerialNumber { get; set; }
    public DateOnly? InstalledOn { get; set; }

    /// <summary>Matches a device Id under Monitoring:Devices (e.g. "ups-1"), when the item is monitored.</summary>
    public string? MonitoringDeviceId { get; set; }

    /// <summary>The co-location tenant (OPD) that owns the item (its racks and servers); null for the data center's own.</summary>
    public Guid? TenantId { get; set; }

    public string Location => string.Join(" / ", new[] { Room, Row, Rack }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
