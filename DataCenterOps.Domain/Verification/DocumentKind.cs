namespace DataCenterOps.Domain.Verification;

/// <summary>The printed documents that carry a verification QR code.</summary>
public enum DocumentKind
{
    AssignmentLetter,
    ArchivedReport,
}
