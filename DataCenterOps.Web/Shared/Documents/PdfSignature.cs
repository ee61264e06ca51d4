namespace DataCenterOps.Web.Shared.Documents;

/// <summary>One column of a signature or approval block: heading ("Disetujui oleh,"), lines (position, date), name and NIP.</summary>
public sealed record PdfSignature(string Heading, IReadOnlyList<string> Lines, string Name, string? Nip);
