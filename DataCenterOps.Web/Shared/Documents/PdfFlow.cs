using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DataCenterOps.Web.Shared.Documents;

/// <summary>
/// The one PDF engine: writes a document top to bottom on A4 pages (portrait, or landscape for wide tables):
/// wrapped paragraphs, "label : value" rows, table rows and rules, starting a new page when one is full.
/// Positions are points from the left margin.
/// </summary>
internal sealed class PdfFlow(PdfDocument pdf, bool landscape = false) : IDisposable
{
    public const double Margin = 56;

    private XGraphics? _gfx;
    private double _y;
    private double _bottom;

    /// <summary>Runs at the top of every new page (e.g. to repeat a table's header row).</summary>
    public Action<PdfFlow>? PageStarted { get; set; }

    /// <summary>Usable width between the margins.</summary>
    public double Width { get; private set; }

    public static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular, bool mono = false) =>
        new(mono ? PdfFonts.MonoFamily : PdfFonts.Family, size, style);

    /// <summary>Wrapped text from <paramref name="x"/> to the right margin (or <paramref name="width"/>).</summary>
    public void Paragraph(string text, XFont font, double x = 0, double? width = null, bool centered = false, XBrush? brush = null)
    {
        Graphics(0);
        var columnWidth = width ?? (Width - x);
        var lines = Wrap(text, font, columnWidth);
        var height = LineHeight(font);
        foreach (var line in lines)
        {
            var gfx = Graphics(height);
            var left = Margin + x;
            if (centered)
            {
                left = Margin + x + ((columnWidth - gfx.MeasureString(line, font).Width) / 2);
            }

            gfx.DrawString(line, font, brush ?? XBrushes.Black, new XPoint(left, _y + font.Size));
            _y += height;
        }
    }

    /// <summary>"label : value" with the value wrapped in its own column (the layout of an Indonesian official letter).</summary>
    public void Row(string label, string value, XFont font, double labelX, double colonX, double valueX)
    {
        Graphics(0);
        var lines = Wrap(value, font, Width - valueX);
        var height = LineHeight(font);
        var gfx = Graphics(height);
        if (label.Length > 0)
        {
            gfx.DrawString(label, font, XBrushes.Black, new XPoint(Margin + labelX, _y + font.Size));
            gfx.DrawString(":", font, XBrushes.Black, new XPoint(Margin + colonX, _y + font.Size));
        }

        foreach (var line in lines)
        {
            gfx = Graphics(height);
            gfx.DrawString(line, font, XBrushes.Black, new XPoint(Margin + valueX, _y + font.Size));
            _y += height;
        }
    }

    /// <summary>One table row: each cell wrapped in its column; columns start at <paramref name="columns"/> (last ends at the margin).</summary>
    public void TableRow(IReadOnlyList<double> columns, IReadOnlyList<string> cells, XFont font, XBrush? highlight = null)
    {
        Graphics(0);
        var wrapped = new List<IReadOnlyList<string>>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            var right = i + 1 < columns.Count ? columns[i + 1] : Width;
            wrapped.Add(Wrap(cells[i], font, right - columns[i] - 4));
        }

        var lineHeight = LineHeight(font);
        var rows = Math.Max(1, wrapped.Max(w => w.Count));
        var gfx = Graphics((rows * lineHeight) + 3);
        if (highlight is not null)
        {
            gfx.DrawRectangle(highlight, Margin, _y, Width, (rows * lineHeight) + 2);
        }

        for (var i = 0; i < wrapped.Count; i++)
        {
            for (var line = 0; line < wrapped[i].Count; line++)
            {
                gfx.DrawString(wrapped[i][line], font, XBrushes.Black, new XPoint(Margin + columns[i], _y + font.Size + (line * lineHeight)));
            }
        }

        _y += (rows * lineHeight) + 2;
        gfx.DrawLine(new XPen(XColors.LightGray, 0.5), Margin, _y, Margin + Width, _y);
        _y += 1;
    }

    public void Rule(double thickness = 0.8, double gapAfter = 2)
    {
        var gfx = Graphics(thickness + gapAfter);
        gfx.DrawLine(new XPen(XColors.Black, thickness), Margin, _y, Margin + Width, _y);
        _y += thickness + gapAfter;
    }

    public void Gap(double height) => _y += height;

    /// <summary>Starts a new page unless <paramref name="height"/> still fits (keeps a block together).</summary>
    public void KeepTogether(double height) => Graphics(height);

    public void Dispose() => _gfx?.Dispose();

    /// <summary>"n / N" at the foot of every page, once the document is complete.</summary>
    public static void NumberPages(PdfDocument pdf, XFont font)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        for (var i = 0; i < pdf.PageCount; i++)
        {
            var page = pdf.Pages[i];
            using var footer = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            footer.DrawString($"{i + 1} / {pdf.PageCount}", font, XBrushes.Black,
                new XPoint(page.Width.Point - Margin - 30, page.Height.Point - (Margin / 2)));
        }
    }

    public static double LineHeight(XFont font) => font.Size * 1.35;

    private List<string> Wrap(string text, XFont font, double width)
    {
        var gfx = Graphics(0);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (gfx.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                // A word wider than the column (a hash, a long number) is broken by characters.
                while (line.Length > 1 && gfx.MeasureString(line, font).Width > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && gfx.MeasureString(line[..cut], font).Width > width)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private XGraphics Graphics(double needed)
    {
        if (_gfx is null || _y + needed > _bottom)
        {
            _gfx?.Dispose();
            var page = pdf.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            if (landscape)
            {
                page.Orientation = PdfSharp.PageOrientation.Landscape;
            }

            _gfx = XGraphics.FromPdfPage(page);
            _y = Margin;
            _bottom = page.Height.Point - Margin;
            Width = page.Width.Point - (2 * Margin);
            PageStarted?.Invoke(this);
        }

        return _gfx;
    }
}
