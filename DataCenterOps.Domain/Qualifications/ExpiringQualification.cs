namespace DataCenterOps.Domain.Qualifications;

/// <summary>A record whose end is near, with the holder's address for the notice.</summary>
public sealed record ExpiringQualification(Guid Id, string UserId, string PersonName, string? Email, string Kind, string Number, DateOnly ValidUntil);
