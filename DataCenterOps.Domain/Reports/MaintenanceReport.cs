using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Persistence;

namespace DataCenterOps.Domain.Reports;

/// <summary>
/// Step 4: the Laporan of an executed Rencana Kerja. One per plan; every submission and every review is
/// kept (<see cref="Submissions"/>, <see cref="Reviews"/>), so a returned report keeps its full history.
/// </summary>
public sealed class MaintenanceReport : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkPlanId { get; set; }
    public WorkPlan? WorkPlan { get; set; }

    /// <summary>1 for the first submission, +1 for each resubmission after a return.</summary>
    public int Revision { get; internal set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<ReportSubmission> Submissions { get; set; } = [];
    public List<ReportReview> Reviews { get; set; } = [];
}
