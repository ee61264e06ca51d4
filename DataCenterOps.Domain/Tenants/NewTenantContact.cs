namespace DataCenterOps.Domain.Tenants;

public sealed record NewTenantContact(Guid TenantId, string Name, string? Phone, string? Email, string? Position);
