using System.Globalization;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Features.Steps.Documents;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DataCenterOps.Web.Features.Routine.Compliance;

/// <summary>The monthly summary as an A4 landscape PDF: totals per equipment, then every due check.</summary>
public static class CompliancePdf
{
    private const double Margin = 36;
    private const double LineHeight = 13;

    public static byte[] Write(ComplianceDocument document, IStringLocalizer<Ui> l)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(l);
        PdfFonts.Ensure();
        using var pdf = new PdfDocument();
        var title = l["Routine.Compliance.MonthTitle", new DateOnly(document.Summary.Year, document.Summary.Month, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture)];
        pdf.Info.Title = title;
        var writer = new PageWriter(pdf);
        writer.Text(title, bold: true, size: 14);
        writer.Text(l["Routine.Export.Generated", document.LocalTime(document.Summary.GeneratedAtUtc), document.Zone.Id]);
        writer.Gap();

        writer.Row(true, [(0, l["Routine.Export.Equipment"]), (260, l["Routine.Outcome.OnTime"]), (330, l["Routine.Outcome.Late"]), (390, l["Routine.Outcome.Missed"]),
            (450, l["Routine.Outcome.EquipmentFailed"]), (560, l["Routine.Outcome.Pending"]), (630, l["Routine.Export.Total"])]);
        foreach (var e in document.Summary.Equipment)
        {
            writer.Row(false, [(0, e.EquipmentName), (260, N(e.OnTime)), (330, N(e.Late)), (390, N(e.Missed)), (450, N(e.EquipmentFailed)), (560, N(e.Pending)), (630, N(e.Total))]);
        }

        writer.Gap();
        writer.Row(true, [(0, l["Routine.Export.DueDate"]), (70, l["Routine.Export.PeriodEnd"]), (140, l["Routine.Export.Equipment"]), (260, l["Routine.Export.Schedule"]),
            (480, l["Routine.Export.Outcome"]), (560, l["Routine.Export.Completed"]), (660, l["Routine.Export.InspectorOrReason"])]);
        foreach (var r in document.Summary.Rows)
        {
            var who = r.Reason is { Length: > 0 } reason ? reason : document.PersonName(r.InspectorId);
            writer.Row(false, [(0, D(r.DueDate)), (70, D(r.DeadlineDate)), (140, r.EquipmentName), (260, r.ScheduleName), (480, l[$"Routine.Outcome.{r.Outcome}"]),
                (560, document.LocalTime(r.CompletedAtUtc)), (660, who)]);
        }

        writer.Dispose();
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Writes lines top to bottom and starts a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument pdf) : IDisposable
    {
        private readonly XFont _regular = new(PdfFonts.Family, 8.5);
        private readonly XFont _bold = new(PdfFonts.Family, 8.5, XFontStyleEx.Bold);
        private XGraphics? _gfx;
        private double _y;
        private double _bottom;

        public void Text(string text, bool bold = false, double size = 9)
        {
            var font = new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            Draw(text, font, 0, size + 6);
        }

        public void Row(bool header, (double X, string Text)[] cells)
        {
            var graphics = Graphics(LineHeight);
            foreach (var (x, text) in cells)
            {
                graphics.DrawString(Clip(text), header ? _bold : _regular, XBrushes.Black, new XPoint(Margin + x, _y));
            }

            _y += LineHeight;
        }

        public void Gap() => _y += LineHeight;

        public void Dispose() => _gfx?.Dispose();

        private void Draw(string text, XFont font, double x, double height)
        {
            Graphics(height).DrawString(text, font, XBrushes.Black, new XPoint(Margin + x, _y));
            _y += height;
        }

        private XGraphics Graphics(double needed)
        {
            if (_gfx is null || _y + needed > _bottom)
            {
                _gfx?.Dispose();
                var page = pdf.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                page.Orientation = PdfSharp.PageOrientation.Landscape;
                _gfx = XGraphics.FromPdfPage(page);
                _y = Margin + LineHeight;
                _bottom = page.Height.Point - Margin;
            }

            return _gfx;
        }

        private static string Clip(string text) => text.Length > 60 ? text[..57] + "..." : text;
    }
}
