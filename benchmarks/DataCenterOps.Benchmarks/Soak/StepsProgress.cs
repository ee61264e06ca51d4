namespace DataCenterOps.Benchmarks.Soak;

/// <summary>Where the work on one Surat Tugas stands in dcops.db: the ids the next step needs and the states that say which steps are done.</summary>
internal sealed record StepsProgress(
    Guid LetterId,
    string? LetterState,
    Guid? PlanId,
    string? PlanState,
    int PlanItems,
    Guid? ExecutionId,
    string? ExecutionStatus,
    Guid? ReportId,
    bool Archived)
{
    public bool Issued => LetterState is not null and not "LetterDraft";

    public bool Published => PlanState is not null and not "Planning";

    public bool Completed => ExecutionStatus == "Completed";

    public bool Submitted => PlanState is "InReview" or "Approved" or "Archived";

    public bool Approved => PlanState is "Approved" or "Archived";
}
