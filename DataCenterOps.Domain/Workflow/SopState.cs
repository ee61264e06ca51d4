namespace DataCenterOps.Domain.Workflow;

/// <summary>
/// Where a piece of SOP work stands. A Surat Tugas moves through the Letter* states (and Revoked);
/// its Rencana Kerja carries the rest, from Planning to Archived.
/// </summary>
public enum SopState
{
    LetterDraft,
    LetterIssued,
    Revoked,
    Planning,
    InExecution,
    InReview,
    Returned,
    Approved,
    Archived,
}
