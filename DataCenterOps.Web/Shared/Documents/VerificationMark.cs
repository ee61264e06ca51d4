namespace DataCenterOps.Web.Shared.Documents;

/// <summary>What a PDF prints so that anyone can check it: the /verify link (as a QR code and as text) and the document's SHA-256.</summary>
public sealed record VerificationMark(string Url, string Fingerprint);
