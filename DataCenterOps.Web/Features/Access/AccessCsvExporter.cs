using System.Globalization;
using DataCenterOps.Domain.Access;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Documents;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Access;

/// <summary>The access log as CSV in the reader's spreadsheet dialect (UTF-8 with BOM; ";" for id-ID), through the one CSV writer.</summary>
public static class AccessCsvExporter
{
    public static byte[] Export(IEnumerable<AccessEntry> entries, DisplayClock clock, IStringLocalizer l, CultureInfo culture)
    {
        var csv = CsvWriter.For(culture).Row(AccessExportRow.Headers(l));
        foreach (var entry in entries)
        {
            csv.Row(AccessExportRow.From(entry, clock, l).Cells());
        }

        return csv.ToBytes();
    }
}
