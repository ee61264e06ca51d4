namespace DataCenterOps.Domain.Access;

/// <summary>One standing authorisation to enter, as the periodic review lists it. Lapsed: its validity has ended but it was never withdrawn.</summary>
public sealed record AuthorisationLine(
    AuthorisationKind Kind,
    Guid ReferenceId,
    string UserId,
    string PersonName,
    string Reference,
    DateTime ValidFromUtc,
    DateTime ValidUntilUtc,
    bool Lapsed);
