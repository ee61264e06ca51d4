namespace DataCenterOps.Domain.Tenants;

/// <summary>A person the data center calls at a tenant agency.</summary>
public sealed class TenantContact
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>Position (jabatan), e.g. "Kepala Bidang TIK".</summary>
    public string? Position { get; set; }
}
