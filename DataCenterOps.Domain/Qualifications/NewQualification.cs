namespace DataCenterOps.Domain.Qualifications;

/// <summary>What the Pengelola or Administrator records for a person; the file (PDF, JPEG, PNG) is optional.</summary>
public sealed record NewQualification(
    string UserId,
    string Kind,
    string Issuer,
    string Number,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    byte[]? File = null);
