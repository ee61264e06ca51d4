using System.Text;
using DataCenterOps.Domain.Access;
using Microsoft.Extensions.Localization;

using DataCenterOps.Web.Shared.Display;
namespace DataCenterOps.Web.Features.Access;

/// <summary>The access log as CSV (UTF-8 with BOM for spreadsheet programs), with formula-like cells neutralised.</summary>
public static class AccessCsvExporter
{
    public static byte[] Export(IEnumerable<AccessEntry> entries, DisplayClock clock, IStringLocalizer l)
    {
        var text = new StringBuilder();
        Line(text, AccessExportRow.Headers(l));
        foreach (var entry in entries)
        {
            Line(text, AccessExportRow.From(entry, clock, l).Cells());
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Quotes every cell; a cell starting like a formula gets a leading apostrophe (CSV injection).</summary>
    public static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void Line(StringBuilder text, IEnumerable<string> cells) =>
        text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
