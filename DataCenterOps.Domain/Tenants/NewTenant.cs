namespace DataCenterOps.Domain.Tenants;

/// <summary>A tenant agency to add; <see cref="SiteId"/> null = the default site.</summary>
public sealed record NewTenant(string Code, string Name, Guid? SiteId = null);
