namespace DataCenterOps.Domain.Verification;

/// <summary>
/// The random code printed (as a QR code) on one document, linking to <c>/verify/{code}</c>. Not the database id and not
/// derived from it: 128 random bits, so codes cannot be guessed or enumerated. One per document, never changed
/// (SQLite triggers refuse UPDATE and DELETE). <see cref="Fingerprint"/> is the document's SHA-256 when it was first printed.
/// </summary>
public sealed class DocumentCode
{
    public string Code { get; set; } = "";
    public DocumentKind Kind { get; set; }
    public Guid? LetterId { get; set; }
    public long? ArchiveId { get; set; }
    public string Fingerprint { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
