namespace DataCenterOps.Domain.Tenants;

/// <summary>Links an access-register entry to the tenant and the approved permit it rested on; append-only, as the entry.</summary>
public sealed class TenantVisit
{
    public Guid EntryId { get; set; }
    public Guid TenantId { get; set; }
    public Guid PermitId { get; set; }
}
