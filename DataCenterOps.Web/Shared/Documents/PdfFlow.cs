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

    /// <summary>The current line's top on the page (points from the top edge).</summary>
    public double Y => _y;

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

    /// <summary>
    /// "Halaman 1 dari 2" (the <paramref name="format"/>, {0} the page and {1} the count) centred at the foot of every
    /// page, once the document is complete.
    /// </summary>
    public static void NumberPages(PdfDocument pdf, string format, XFont? font = null)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        font ??= Font(8);
        for (var i = 0; i < pdf.PageCount; i++)
        {
            var page = pdf.Pages[i];
            using var footer = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = string.Format(System.Globalization.CultureInfo.CurrentCulture, format, i + 1, pdf.PageCount);
            var width = footer.MeasureString(text, font).Width;
            footer.DrawString(text, font, XBrushes.Black, new XPoint((page.Width.Point - width) / 2, page.Height.Point - (Margin / 2)));
        }
    }

    /// <summary>An image at the current line, <paramref name="x"/> from the left margin; the flow does not move (the caller decides).</summary>
    public void ImageAt(XImage image, double x, double width, double height)
    {
        var gfx = Graphics(height);
        gfx.DrawImage(image, Margin + x, _y, width, height);
    }

    /// <summary>
    /// Back up to <paramref name="y"/> on the current page, to write a block beside one just written (after a
    /// <see cref="KeepTogether"/> that fits both). Never moves down or across pages.
    /// </summary>
    public void ReturnTo(double y)
    {
        if (y < _y)
        {
            _y = Math.Max(y, Margin);
        }
    }

    /// <summary>
    /// A square image (a QR code) on the left with wrapped lines of text beside it, kept on one page; the block is
    /// <paramref name="width"/> wide (default: to the right margin).
    /// </summary>
    public void ImageWithText(XImage image, double size, IReadOnlyList<(string Text, XFont Font)> lines, double? width = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        KeepTogether(size + 4);
        var top = _y;
        ImageAt(image, 0, size, size);
        var textWidth = (width ?? Width) - size - 10;
        foreach (var (text, font) in lines)
        {
            Paragraph(text, font, size + 10, textWidth);
        }

        _y = Math.Max(_y, top + size) + 4;
    }

    /// <summary>
    /// Signature columns side by side (an approval block): each a heading, optional lines (position, date), room to sign,
    /// the name in bold underlined and "NIP. …" — a line without a value is left out, never printed as "-".
    /// </summary>
    public void Signatures(IReadOnlyList<PdfSignature> blocks, XFont font)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(font);
        if (blocks.Count == 0)
        {
            return;
        }

        var lineHeight = LineHeight(font);
        var rows = blocks.Max(b => 1 + b.Lines.Count(l => l.Length > 0)) + 6;
        KeepTogether(rows * lineHeight);
        var top = _y;
        var bottom = top;
        var columnWidth = Width / blocks.Count;
        var nameFont = Font(font.Size, XFontStyleEx.Bold | XFontStyleEx.Underline);
        for (var i = 0; i < blocks.Count; i++)
        {
            _y = top;
            var x = (i * columnWidth) + 8;
            var width = columnWidth - 16;
            var block = blocks[i];
            Paragraph(block.Heading, Font(font.Size, XFontStyleEx.Bold), x, width);
            foreach (var line in block.Lines.Where(l => l.Length > 0))
            {
                Paragraph(line, font, x, width);
            }

            _y += lineHeight * 3;
            if (block.Name.Length > 0)
            {
                Paragraph(block.Name, nameFont, x, width);
            }

            if (!string.IsNullOrWhiteSpace(block.Nip))
            {
                Paragraph($"NIP. {block.Nip}", font, x, width);
            }

            bottom = Math.Max(bottom, _y);
        }

        _y = bottom + lineHeight;
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
