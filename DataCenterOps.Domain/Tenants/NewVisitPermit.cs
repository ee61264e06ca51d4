namespace DataCenterOps.Domain.Tenants;

/// <summary>A permit request: the tenant, the period (UTC), the persons by name and the purpose.</summary>
public sealed record NewVisitPermit(Guid TenantId, DateTime FromUtc, DateTime UntilUtc, IReadOnlyList<string> Persons, string Purpose);
