namespace DataCenterOps.Domain.Access;

/// <summary>Points at a letter or a one-off grant to revoke during a review.</summary>
public sealed record AuthorisationRef(AuthorisationKind Kind, Guid ReferenceId);
