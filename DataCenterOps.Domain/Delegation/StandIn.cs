namespace DataCenterOps.Domain.Delegation;

/// <summary>
/// A Pengawas' delegation of issuing (Surat Tugas) and review (step 5) to a named person for a period, as Plh. or
/// Plt. Never edited: it is ended early by setting <see cref="EndedAtUtc"/> once.
/// </summary>
public sealed class StandIn
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The Pengawas whose duties are delegated.</summary>
    public string PrincipalId { get; set; } = "";

    /// <summary>The person who stands in.</summary>
    public string DelegateId { get; set; } = "";
    public StandInKind Kind { get; set; }
    public DateTime FromUtc { get; set; }
    public DateTime UntilUtc { get; set; }
    public string Reason { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? EndedAtUtc { get; set; }
    public string? EndedById { get; set; }

    public bool IsActiveAt(DateTime instantUtc) =>
        instantUtc >= FromUtc && instantUtc <= UntilUtc && (EndedAtUtc is null || instantUtc < EndedAtUtc);

    /// <summary>The title printed above the stand-in's name: "Plh. Pengawas Infrastruktur TIK".</summary>
    public static string Title(StandInKind kind, string position) => $"{kind}. {position}";
}
