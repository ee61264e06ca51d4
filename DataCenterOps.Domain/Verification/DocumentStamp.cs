namespace DataCenterOps.Domain.Verification;

/// <summary>What a PDF prints for verification: the code (in the QR link) and the document's SHA-256 fingerprint.</summary>
public sealed record DocumentStamp(string Code, string Fingerprint);
