using DataCenterOps.Domain.Persistence;

namespace DataCenterOps.Domain.Maintenance;

/// <summary>Step 3: a Pemeriksa's filled checklist for one plan item. Answers are saved as they are given.</summary>
public sealed class ChecklistExecution : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkPlanItemId { get; set; }
    public WorkPlanItem? WorkPlanItem { get; set; }
    public string InspectorId { get; set; } = "";
    public ExecutionStatus Status { get; internal set; } = ExecutionStatus.NotStarted;
    public DateTime? StartedAtUtc { get; internal set; }
    public DateTime? FinishedAtUtc { get; internal set; }
    public string? Findings { get; internal set; }
    public string? ActionsTaken { get; internal set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<ChecklistAnswer> Answers { get; set; } = [];

    internal void Start(DateTime atUtc)
    {
        if (Status == ExecutionStatus.NotStarted)
        {
            Status = ExecutionStatus.InProgress;
            StartedAtUtc = atUtc;
        }
    }

    /// <summary>Back to work after "Selesaikan"; only through <see cref="ChecklistService.ReopenAsync"/>, with a reason.</summary>
    internal void Reopen()
    {
        Status = ExecutionStatus.InProgress;
        FinishedAtUtc = null;
    }

    internal void SetNotes(string? findings, string? actionsTaken)
    {
        Findings = findings;
        ActionsTaken = actionsTaken;
    }

    internal void Finish(DateTime atUtc)
    {
        Status = ExecutionStatus.Completed;
        FinishedAtUtc = atUtc;
    }
}
