using DataCenterOps.Domain.Access;

namespace DataCenterOps.Domain.Tenants;

/// <summary>One of a tenant's visits as the tenant and the staff read it (no identity numbers).</summary>
public sealed record TenantVisitRow(Guid EntryId, Guid PermitId, string PersonName, string? EscortName, DateTime InAtUtc, DateTime? OutAtUtc, AccessEntryStatus Status);
