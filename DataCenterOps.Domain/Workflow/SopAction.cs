namespace DataCenterOps.Domain.Workflow;

/// <summary>Everything a person can do to SOP work; each is allowed only from the states in <see cref="SopTransitions"/>.</summary>
public enum SopAction
{
    IssueLetter,
    RevokeLetter,
    CreatePlan,
    EditPlan,
    PublishPlan,
    AnswerChecklist,
    SubmitReport,
    ApproveReport,
    ReturnReport,
    ArchiveReport,
}
