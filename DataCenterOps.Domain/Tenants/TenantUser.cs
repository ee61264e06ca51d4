namespace DataCenterOps.Domain.Tenants;

/// <summary>Binds a user account to the one tenant whose portal it sees (the user holds the Tenant role).</summary>
public sealed class TenantUser
{
    /// <summary>The account; at most one tenant per account.</summary>
    public string UserId { get; set; } = "";

    public Guid TenantId { get; set; }
}
