namespace DataCenterOps.Domain.Reports;

/// <summary>One submission of a Laporan, with a snapshot of the checklists as they were submitted.</summary>
public sealed class ReportSubmission
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ReportId { get; set; }
    public int Revision { get; set; }
    public string SubmittedById { get; set; } = "";
    public DateTime SubmittedAtUtc { get; set; }
    public string SnapshotJson { get; set; } = "";
}
