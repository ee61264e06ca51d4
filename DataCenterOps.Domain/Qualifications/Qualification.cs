namespace DataCenterOps.Domain.Qualifications;

/// <summary>
/// A training or certificate record of one person (Kualifikasi Pelaksana): what kind, who issued it, its number,
/// the days it is valid and, optionally, the scanned document (kept privately in the data folder, by content hash).
/// </summary>
public sealed class Qualification
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string UserId { get; set; } = "";

    /// <summary>The kind, as named under Qualifications:Required (e.g. "Sertifikat Teknisi Pemadam Clean Agent").</summary>
    public string Kind { get; set; } = "";
    public string Issuer { get; set; } = "";
    public string Number { get; set; } = "";
    public DateOnly ValidFrom { get; set; }

    /// <summary>Null for a record without an end (a training that does not expire).</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>The scanned file's SHA-256 (hex); it is stored as <c>qualifications/{hash}{extension}</c>.</summary>
    public string? FileSha256 { get; set; }

    /// <summary><c>application/pdf</c>, <c>image/jpeg</c> or <c>image/png</c>, from the file's content.</summary>
    public string? FileContentType { get; set; }
    public string RecordedById { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>When the expiry notice went out (once per record).</summary>
    public DateTime? ExpiryNoticeSentAtUtc { get; set; }

    /// <summary>Valid on every day from <paramref name="from"/> to <paramref name="until"/>.</summary>
    public bool CoversPeriod(DateOnly from, DateOnly until) => from >= ValidFrom && (ValidUntil is null || until <= ValidUntil.Value);
}
