namespace DataCenterOps.Domain.Tenants;

/// <summary>The Pengawas' (or his Plh./Plt.'s) approval or refusal of a visit permit; one per permit, append-only.</summary>
public sealed class VisitPermitDecision
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PermitId { get; set; }
    public bool Approved { get; set; }
    public string? Reason { get; set; }
    public string DecidedById { get; set; } = "";
    public DateTime DecidedAtUtc { get; set; }

    /// <summary>The delegation the decider acted under; null when the Pengawas decided himself.</summary>
    public Guid? StandInId { get; set; }
}
