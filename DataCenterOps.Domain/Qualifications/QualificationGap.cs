namespace DataCenterOps.Domain.Qualifications;

/// <summary>A person named on a Surat Tugas who lacks a required qualification valid on all of the letter's days.</summary>
public sealed record QualificationGap(string UserId, string PersonName, string Kind);
