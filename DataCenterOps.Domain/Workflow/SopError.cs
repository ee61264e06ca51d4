namespace DataCenterOps.Domain.Workflow;

/// <summary>Why the SOP refused an action; the Web shows a localised text for each code.</summary>
public enum SopError
{
    IllegalTransition,
    WrongRole,
    NotNamedOnLetter,
    NotAssignedInspector,
    ApproverExecuted,
    OutOfScope,
    OutsideValidity,
    ChecklistIncomplete,
    LetterRevoked,
    NotFound,
    InvalidInput,
    ConcurrencyConflict,
    /// <summary>The person's roles are limited to other sites.</summary>
    OtherSite,

    /// <summary>A person named on a Surat Tugas lacks a qualification its scope requires.</summary>
    MissingQualification,
}
