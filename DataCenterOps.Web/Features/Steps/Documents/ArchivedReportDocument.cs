using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Reports;

namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>An archived Laporan as printed: the record, its integrity checked now, and its content (null when it no longer parses).</summary>
public sealed record ArchivedReportDocument(
    ArchivedReport Record,
    IntegrityResult Integrity,
    ReportContent? Content,
    IReadOnlyDictionary<string, string> Names)
{
    public string Name(string? id) => id is not null && Names.TryGetValue(id, out var name) ? name : id ?? "-";
}
