namespace DataCenterOps.Domain.Archive;

/// <summary>
/// Step 6: an approved Laporan stored as evidence. Append-only (SQLite triggers refuse UPDATE and DELETE);
/// <see cref="Hash"/> = SHA-256(<see cref="PreviousHash"/> ‖ canonical record), chaining every archived report.
/// </summary>
public sealed class ArchivedReport
{
    /// <summary>Position in the chain (1, 2, 3…).</summary>
    public long Id { get; set; }
    public Guid ReportId { get; set; }
    public Guid WorkPlanId { get; set; }
    public string? LetterNumber { get; set; }
    public string ArchivedById { get; set; } = "";
    public DateTime ArchivedAtUtc { get; set; }

    /// <summary>The report, its submissions and reviews, serialised canonically; what is shown is what is verified.</summary>
    public string CanonicalJson { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
