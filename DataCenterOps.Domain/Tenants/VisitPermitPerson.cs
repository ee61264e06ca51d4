namespace DataCenterOps.Domain.Tenants;

/// <summary>A person named on a visit permit; only they may come in on it.</summary>
public sealed class VisitPermitPerson
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PermitId { get; set; }
    public string Name { get; set; } = "";
}
