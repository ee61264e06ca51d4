using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Domain.Tenants;

/// <summary>Everything one tenant's account may see: its agency, its equipment, its permits and its visits — nothing else.</summary>
public sealed record TenantPortal(Tenant Tenant, IReadOnlyList<Equipment> Equipment, IReadOnlyList<VisitPermit> Permits, IReadOnlyList<TenantVisitRow> Visits);
