using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Reports;

namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>
/// An archived Laporan as printed: the record, its integrity checked now, its content (null when it no longer parses)
/// the archive chain's head at printing (anchored on paper) and the NIPs its approval block prints.
/// </summary>
public sealed record ArchivedReportDocument(
    ArchivedReport Record,
    IntegrityResult Integrity,
    ReportContent? Content,
    IReadOnlyDictionary<string, string> Names,
    EvidenceHead? ChainHead = null,
    IReadOnlyDictionary<string, string?>? Nips = null,
    IReadOnlyDictionary<string, byte[]>? Photos = null)
{
    /// <summary>The stored photo of a reference (the bytes the sealed content's hash names), or null.</summary>
    public byte[]? Photo(string? reference) => reference is not null && Photos is not null && Photos.TryGetValue(reference, out var bytes) ? bytes : null;

    /// <summary>The person's name; "" (never "-") for nobody.</summary>
    public string Name(string? id) => id is not null && Names.TryGetValue(id, out var name) ? name : id ?? "";

    public string? Nip(string? id) => id is not null && Nips is not null && Nips.TryGetValue(id, out var nip) ? nip : null;
}
