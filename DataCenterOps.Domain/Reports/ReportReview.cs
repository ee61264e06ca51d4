namespace DataCenterOps.Domain.Reports;

/// <summary>Step 5: the Pengawas' decision on one submission, with Catatan (notes).</summary>
public sealed class ReportReview
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ReportId { get; set; }
    public int Revision { get; set; }
    public ReviewDecision Decision { get; set; }
    public string Notes { get; set; } = "";
    public string ReviewerId { get; set; } = "";
    public DateTime ReviewedAtUtc { get; set; }

    /// <summary>Set when a Plh./Plt. reviewed: the kind, and the Pengawas he stood in for.</summary>
    public Delegation.StandInKind? ReviewerStandIn { get; set; }
    public string? OnBehalfOfId { get; set; }
}
