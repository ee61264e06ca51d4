namespace DataCenterOps.Domain.Tenants;

/// <summary>
/// The Pengawas' (or his Plh./Plt.'s) cancellation of an approved visit permit, with its reason; one per permit,
/// append-only like the decision. The permit itself is never changed: from this row on it admits no visit.
/// </summary>
public sealed class VisitPermitCancellation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PermitId { get; set; }
    public string Reason { get; set; } = "";
    public string CancelledById { get; set; } = "";
    public DateTime CancelledAtUtc { get; set; }

    /// <summary>The delegation the canceller acted under; null when the Pengawas cancelled himself.</summary>
    public Guid? StandInId { get; set; }
}
