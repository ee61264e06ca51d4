using DataCenterOps.Web.Features.Room;

namespace DataCenterOps.Web.Features.Tenants;

/// <summary>One of a tenant's racks as its portal shows it (at its site): live load against the feed, and the nearest sensor's temperature.</summary>
public sealed record TenantRackView(string Label, string EquipmentName, Guid SiteId, RackLoad? Load, double? PowerKw, string? SensorLabel, double? TemperatureC);
