using DataCenterOps.Domain.Access;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Documents;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Access;

/// <summary>The access log as CSV (UTF-8 with BOM for spreadsheet programs), through the one CSV writer.</summary>
public static class AccessCsvExporter
{
    public static byte[] Export(IEnumerable<AccessEntry> entries, DisplayClock clock, IStringLocalizer l)
    {
        var csv = new CsvWriter().Row(AccessExportRow.Headers(l));
        foreach (var entry in entries)
        {
            csv.Row(AccessExportRow.From(entry, clock, l).Cells());
        }

        return csv.ToUtf8(withByteOrderMark: true);
    }
}
