namespace DataCenterOps.Domain.Evidence;

/// <summary>A chain head as it was recorded outside the database: when, and by what (seal, start, backup, digest, adopt).</summary>
public sealed record EvidenceAnchor(EvidenceHead Head, DateTime AtUtc, string Source);
