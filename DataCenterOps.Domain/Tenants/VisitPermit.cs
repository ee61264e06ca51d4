namespace DataCenterOps.Domain.Tenants;

/// <summary>
/// A tenant's request to visit its equipment: period, named persons, purpose. Never edited: the Pengawas' decision is a
/// row of its own (<see cref="VisitPermitDecision"/>), so is a cancellation (<see cref="VisitPermitCancellation"/>), and all are
/// append-only in the database.
/// </summary>
public sealed class VisitPermit
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public DateTime FromUtc { get; set; }
    public DateTime UntilUtc { get; set; }
    public string Purpose { get; set; } = "";
    public string RequestedById { get; set; } = "";
    public DateTime RequestedAtUtc { get; set; }

    public List<VisitPermitPerson> Persons { get; set; } = [];

    public VisitPermitDecision? Decision { get; set; }

    /// <summary>The cancellation of the approved permit, if any (a row of its own, append-only).</summary>
    public VisitPermitCancellation? Cancellation { get; set; }

    public VisitPermitState State => Decision is null ? VisitPermitState.Requested
        : !Decision.Approved ? VisitPermitState.Refused
        : Cancellation is null ? VisitPermitState.Approved : VisitPermitState.Cancelled;

    /// <summary>Approved, not cancelled, and within its period at <paramref name="instantUtc"/>.</summary>
    public bool IsValidAt(DateTime instantUtc) => State == VisitPermitState.Approved && instantUtc >= FromUtc && instantUtc <= UntilUtc;

    /// <summary>Whether <paramref name="name"/> is one of the named persons (trimmed, case and spacing ignored).</summary>
    public bool Names(string name) => Persons.Any(p => string.Equals(Normalise(p.Name), Normalise(name), StringComparison.OrdinalIgnoreCase));

    private static string Normalise(string name) => string.Join(' ', (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
