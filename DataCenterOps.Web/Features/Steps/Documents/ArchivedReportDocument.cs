using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Reports;

namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>
/// An archived Laporan as printed: the record, its integrity checked now, its content (null when it no longer parses)
/// and the archive chain's head at printing (anchored on paper).
/// </summary>
public sealed record ArchivedReportDocument(
    ArchivedReport Record,
    IntegrityResult Integrity,
    ReportContent? Content,
    IReadOnlyDictionary<string, string> Names,
    EvidenceHead? ChainHead = null)
{
    public string Name(string? id) => id is not null && Names.TryGetValue(id, out var name) ? name : id ?? "-";
}
