using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Rules;

namespace DataCenterOps.Domain.Workflow;

/// <summary>The one transition table of the SOP's six steps. Anything not listed here is refused.</summary>
public static class SopTransitions
{
    public static readonly IReadOnlyList<SopTransition> Table =
    [
        // Step 1: the Pengawas issues (or withdraws) the Surat Tugas.
        new(SopState.LetterDraft, SopAction.IssueLetter, SopState.LetterIssued, Roles.Supervisor),
        new(SopState.LetterDraft, SopAction.RevokeLetter, SopState.Revoked, Roles.Supervisor),
        new(SopState.LetterIssued, SopAction.RevokeLetter, SopState.Revoked, Roles.Supervisor),
        // Step 2: the Pengelola makes the Rencana Kerja from an issued letter.
        new(SopState.LetterIssued, SopAction.CreatePlan, SopState.Planning, Roles.Manager),
        new(SopState.Planning, SopAction.EditPlan, SopState.Planning, Roles.Manager),
        new(SopState.Planning, SopAction.PublishPlan, SopState.InExecution, Roles.Manager),
        // Step 3: the Pemeriksa fills the checklists (again after a return).
        new(SopState.InExecution, SopAction.AnswerChecklist, SopState.InExecution, Roles.Inspector),
        new(SopState.Returned, SopAction.AnswerChecklist, SopState.Returned, Roles.Inspector),
        // Step 4: the Pemeriksa submits the Laporan.
        new(SopState.InExecution, SopAction.SubmitReport, SopState.InReview, Roles.Inspector),
        new(SopState.Returned, SopAction.SubmitReport, SopState.InReview, Roles.Inspector),
        // Step 5: the Pengawas approves or returns with Catatan.
        new(SopState.InReview, SopAction.ApproveReport, SopState.Approved, Roles.Supervisor),
        new(SopState.InReview, SopAction.ReturnReport, SopState.Returned, Roles.Supervisor),
        // Step 6: the Pengelola archives the approved Laporan as evidence.
        new(SopState.Approved, SopAction.ArchiveReport, SopState.Archived, Roles.Manager),
    ];

    public static SopTransition? Find(SopState from, SopAction action) =>
        Table.FirstOrDefault(t => t.From == from && t.Action == action);

    /// <summary>The transition for <paramref name="action"/> from <paramref name="from"/>, or a typed refusal.</summary>
    public static SopTransition Require(SopState from, SopAction action) =>
        Find(from, action) ?? throw new SopRuleViolationException(
            SopError.IllegalTransition,
            $"'{action}' is not allowed while the work is '{from}'.",
            "IllegalTransition",
            action,
            from);

    /// <summary>Checks the table and the actor's role; the person check belongs to the service that knows the letter.</summary>
    public static SopTransition Authorize(SopState from, SopAction action, Actor actor)
    {
        var transition = Require(from, action);
        if (!actor.IsIn(transition.Role))
        {
            throw new SopRuleViolationException(
                SopError.WrongRole,
                $"'{action}' needs the role {transition.Role}.",
                "ActionNeedsRole",
                action,
                transition.Role);
        }

        return transition;
    }
}
