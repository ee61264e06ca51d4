using DataCenterOps.Domain.Workflow;

namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>A Surat Tugas as printed (times already in the display zone); feeds both the print view and the PDF.</summary>
public sealed record LetterDocument(
    Guid Id,
    string? Number,
    SopState State,
    string Agenda,
    LetterPerson Signatory,
    IReadOnlyList<LetterPerson> Assignees,
    IReadOnlyList<string> Scope,
    DateTime ValidFrom,
    DateTime ValidUntil,
    DateTime Dated,
    string? RevocationReason)
{
    public bool IsDraft => State == SopState.LetterDraft;

    public bool IsRevoked => State == SopState.Revoked;
}
