using DataCenterOps.Domain.Access;
using Microsoft.Extensions.Localization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Features.Steps.Documents;

using DataCenterOps.Web.Shared.Display;
namespace DataCenterOps.Web.Features.Access;

/// <summary>The access log as a landscape A4 PDF for audits: a table with wrapped cells, title, period and page numbers.</summary>
public static class AccessPdfExporter
{
    private const double Margin = 30;
    private const double LineHeight = 9;
    private const int MaxLinesPerCell = 4;

    // Column: header index in AccessExportRow.Headers, width in points.
    private static readonly (int Column, double Width)[] s_columns =
        [(0, 62), (1, 62), (3, 95), (4, 80), (5, 70), (8, 115), (10, 90), (11, 80), (12, 80), (13, 48)];

    public static byte[] Export(IEnumerable<AccessEntry> entries, string title, string subtitle, DisplayClock clock, IStringLocalizer l)
    {
        PdfFonts.Ensure();
        using var document = new PdfDocument();
        document.Info.Title = title;
        var font = new XFont(PdfFonts.Family, 6.5);
        var bold = new XFont(PdfFonts.Family, 6.5, XFontStyleEx.Bold);
        var titleFont = new XFont(PdfFonts.Family, 12, XFontStyleEx.Bold);
        var headers = AccessExportRow.Headers(l);

        PdfPage page = null!;
        XGraphics gfx = null!;
        var y = 0.0;
        void NewPage()
        {
            gfx?.Dispose();
            page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            gfx = XGraphics.FromPdfPage(page);
            gfx.DrawString(title, titleFont, XBrushes.Black, new XPoint(Margin, Margin + 10));
            gfx.DrawString(subtitle, font, XBrushes.Black, new XPoint(Margin, Margin + 22));
            y = Margin + 32;
            y = DrawRow(gfx, bold, [.. s_columns.Select(c => headers[c.Column])], y, XBrushes.LightGray);
        }

        NewPage();
        var any = false;
        foreach (var entry in entries)
        {
            any = true;
            var cells = AccessExportRow.From(entry, clock, l).Cells();
            var row = s_columns.Select(c => cells[c.Column]).ToArray();
            if (y + (Height(gfx, font, row) + 3) > page.Height.Point - Margin)
            {
                NewPage();
            }

            y = DrawRow(gfx, font, row, y, entry.Status == AccessEntryStatus.Voided ? XBrushes.MistyRose : null);
        }

        if (!any)
        {
            gfx.DrawString(l["Access.Log.Empty"], font, XBrushes.Black, new XPoint(Margin, y + LineHeight));
        }

        gfx.Dispose();
        for (var i = 0; i < document.PageCount; i++)
        {
            using var footer = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            footer.DrawString($"{i + 1} / {document.PageCount}", font, XBrushes.Black,
                new XPoint(document.Pages[i].Width.Point - Margin - 30, document.Pages[i].Height.Point - Margin / 2));
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static double Height(XGraphics gfx, XFont font, string[] row) =>
        row.Select((text, i) => Wrap(gfx, font, text, s_columns[i].Width - 4).Count).Max() * LineHeight;

    private static double DrawRow(XGraphics gfx, XFont font, string[] row, double y, XBrush? background)
    {
        var height = Height(gfx, font, row) + 3;
        var x = Margin;
        for (var i = 0; i < row.Length; i++)
        {
            var width = s_columns[i].Width;
            var rect = new XRect(x, y, width, height);
            if (background is not null)
            {
                gfx.DrawRectangle(background, rect);
            }

            gfx.DrawRectangle(new XPen(XColors.Gray, 0.3), rect);
            var lines = Wrap(gfx, font, row[i], width - 4);
            for (var n = 0; n < lines.Count; n++)
            {
                gfx.DrawString(lines[n], font, XBrushes.Black, new XPoint(x + 2, y + 8 + (n * LineHeight)));
            }

            x += width;
        }

        return y + height;
    }

    /// <summary>Word wrap to the column width, at most <see cref="MaxLinesPerCell"/> lines (the last one cut with an ellipsis).</summary>
    private static List<string> Wrap(XGraphics gfx, XFont font, string text, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Replace('\n', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (gfx.MeasureString(candidate, font).Width <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (current.Length > 1 && gfx.MeasureString(current, font).Width > width)
            {
                // A single word wider than the column is cut over several lines.
                var fit = current.Length - 1;
                while (fit > 1 && gfx.MeasureString(current[..fit], font).Width > width)
                {
                    fit--;
                }

                lines.Add(current[..fit]);
                current = current[fit..];
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        if (lines.Count > MaxLinesPerCell)
        {
            lines = lines[..MaxLinesPerCell];
            lines[^1] = lines[^1].Length > 1 ? lines[^1][..^1] + "…" : "…";
        }

        return lines.Count == 0 ? [""] : lines;
    }
}
