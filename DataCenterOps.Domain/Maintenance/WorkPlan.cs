using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;

namespace DataCenterOps.Domain.Maintenance;

/// <summary>
/// Step 2: the Rencana Kerja made by the Pengelola named on the Surat Tugas. It carries the work through
/// execution, report, review and archive (<see cref="State"/>).
/// </summary>
public sealed class WorkPlan : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid LetterId { get; set; }
    public AssignmentLetter? Letter { get; set; }
    public string Title { get; set; } = "";
    public string ManagerId { get; set; } = "";
    public SopState State { get; internal set; } = SopState.Planning;

    /// <summary>When the current state began: the clock for the open step's standard time.</summary>
    public DateTime StateSinceUtc { get; internal set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? PublishedAtUtc { get; internal set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<WorkPlanItem> Items { get; set; } = [];

    internal void MoveTo(SopState state, DateTime atUtc)
    {
        State = state;
        StateSinceUtc = atUtc;
    }
}
