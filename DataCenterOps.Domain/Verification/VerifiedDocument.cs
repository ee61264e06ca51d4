namespace DataCenterOps.Domain.Verification;

/// <summary>
/// What the verification page shows: only what the printed document itself shows (number, date, names, validity, state,
/// fingerprint) and whether it still holds. No NIP, no agenda, no findings.
/// </summary>
public sealed record VerifiedDocument(
    DocumentKind Kind,
    string Number,
    DateTime DatedUtc,
    IReadOnlyList<VerifiedPerson> People,
    DateTime? ValidFromUtc,
    DateTime? ValidUntilUtc,
    VerificationStatus Status,
    DateTime? RevokedAtUtc,
    string Fingerprint);
