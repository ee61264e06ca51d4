namespace DataCenterOps.Web.Features.Steps.EvidencePack;

/// <summary>A pack written: how many files the manifest lists and the manifest's SHA-256 (what the audit entry records).</summary>
public sealed record EvidencePackResult(int Files, string ManifestSha256, DateTime FromUtc, DateTime ToUtc);
