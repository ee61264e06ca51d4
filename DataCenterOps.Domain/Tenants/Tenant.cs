using DataCenterOps.Domain.Sites;

namespace DataCenterOps.Domain.Tenants;

/// <summary>A co-location tenant: a regional agency (OPD) that owns racks and servers in the room.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Short unique code, e.g. <c>BAPPEDA</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>The agency's name, e.g. "Badan Pendapatan Daerah Provinsi Kalimantan Timur".</summary>
    public string Name { get; set; } = "";

    /// <summary>The site whose room hosts the tenant's equipment.</summary>
    public Guid SiteId { get; set; } = Site.DefaultId;

    public DateTime CreatedAtUtc { get; set; }

    public List<TenantContact> Contacts { get; set; } = [];
}
