using DataCenterOps.Domain.Access;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Documents;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DataCenterOps.Web.Features.Access;

/// <summary>
/// The access log as a landscape A4 PDF for audits, on the one PDF engine: kop, title, period, a table with wrapped cells
/// whose header repeats on every page, voided entries shaded, and page numbers.
/// </summary>
public static class AccessPdfExporter
{
    // Column: header index in AccessExportRow.Headers, and where the column starts (points from the left margin).
    private static readonly (int Column, double Start)[] s_columns =
        [(0, 0), (1, 58), (3, 116), (4, 205), (5, 280), (8, 345), (10, 452), (11, 536), (12, 611), (13, 686)];

    public static byte[] Export(IEnumerable<AccessEntry> entries, string title, string subtitle, DisplayClock clock, IStringLocalizer l, Letterhead letterhead)
    {
        ArgumentNullException.ThrowIfNull(letterhead);
        PdfFonts.Ensure();
        using var document = new PdfDocument();
        document.Info.Title = title;
        var font = PdfFlow.Font(6.5);
        var bold = PdfFlow.Font(6.5, XFontStyleEx.Bold);
        var headers = AccessExportRow.Headers(l);
        double[] starts = [.. s_columns.Select(c => c.Start)];
        string[] headerRow = [.. s_columns.Select(c => headers[c.Column])];

        using (var flow = new PdfFlow(document, landscape: true))
        {
            var first = true;
            flow.PageStarted = page =>
            {
                if (first)
                {
                    // The title block is written below; the header row follows it.
                    return;
                }

                page.TableRow(starts, headerRow, bold, XBrushes.LightGray);
            };
            letterhead.Draw(flow);
            flow.Paragraph(title, PdfFlow.Font(12, XFontStyleEx.Bold));
            flow.Paragraph(subtitle, font);
            flow.Gap(4);
            first = false;
            flow.TableRow(starts, headerRow, bold, XBrushes.LightGray);

            var any = false;
            foreach (var entry in entries)
            {
                any = true;
                var cells = AccessExportRow.From(entry, clock, l).Cells();
                flow.TableRow(starts, [.. s_columns.Select(c => cells[c.Column])], font,
                    entry.Status == AccessEntryStatus.Voided ? XBrushes.MistyRose : null);
            }

            if (!any)
            {
                flow.Paragraph(l["Access.Log.Empty"], font);
            }
        }

        PdfFlow.NumberPages(document, l["Pdf.PageOf"]);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
