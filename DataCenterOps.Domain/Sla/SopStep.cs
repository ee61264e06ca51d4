namespace DataCenterOps.Domain.Sla;

/// <summary>The SOP's six steps, numbered as the product numbers them.</summary>
public enum SopStep
{
    AssignmentLetter = 1,
    WorkPlan = 2,
    Execution = 3,
    Report = 4,
    Review = 5,
    Archive = 6,
}
