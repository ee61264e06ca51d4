namespace DataCenterOps.Domain.Sla;

/// <summary>The SOP's standard time per step (Sop:StandardTimes); step 4 has none.</summary>
public sealed class StandardTimes
{
    public TimeSpan AssignmentLetter { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan WorkPlan { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan Execution { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan? Report { get; set; }
    public TimeSpan Review { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan Archive { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan? For(SopStep step) => step switch
    {
        SopStep.AssignmentLetter => AssignmentLetter,
        SopStep.WorkPlan => WorkPlan,
        SopStep.Execution => Execution,
        SopStep.Report => Report,
        SopStep.Review => Review,
        SopStep.Archive => Archive,
        _ => null,
    };
}
