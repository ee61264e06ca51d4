using System.Globalization;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DataCenterOps.Web.Features.Routine.Compliance;

/// <summary>The monthly summary as an A4 landscape PDF on the one PDF engine: kop, totals per equipment, then every due check; page numbers.</summary>
public static class CompliancePdf
{
    private const double Margin = 36;
    private const double LineHeight = 13;

    public static byte[] Write(ComplianceDocument document, IStringLocalizer<Ui> l, Letterhead letterhead)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(letterhead);
        ArgumentNullException.ThrowIfNull(l);
        PdfFonts.Ensure();
        using var pdf = new PdfDocument();
        var title = l["Routine.Compliance.MonthTitle", new DateOnly(document.Summary.Year, document.Summary.Month, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture)];
        pdf.Info.Title = title;
        var bold = PdfFlow.Font(8.5, XFontStyleEx.Bold);
        var regular = PdfFlow.Font(8.5);
        using (var flow = new PdfFlow(pdf, landscape: true))
        {
            letterhead.Draw(flow);
            flow.Paragraph(title, PdfFlow.Font(14, XFontStyleEx.Bold));
            flow.Paragraph(l["Routine.Export.Generated", document.LocalTime(document.Summary.GeneratedAtUtc), document.Clock.ZoneLabel], PdfFlow.Font(9));
            flow.Paragraph(PueText.ReportLine(l, document.Pue), PdfFlow.Font(9, XFontStyleEx.Bold));
            if (document.Pue is { IsComplete: false } partial)
            {
                flow.Paragraph(l["Pue.ReportPartial", document.Clock.FormatWithZone(partial.CoveredFrom), document.Clock.FormatWithZone(partial.CoveredTo)], PdfFlow.Font(8.5));
            }

            if (document.Pue is { } figure)
            {
                flow.Paragraph(PueText.Category(l, figure.Category), PdfFlow.Font(8.5));
            }

            flow.Gap(8);

            double[] totals = [0, 260, 330, 390, 450, 560, 630];
            flow.TableRow(totals, [l["Routine.Export.Equipment"], l["Routine.Outcome.OnTime"], l["Routine.Outcome.Late"], l["Routine.Outcome.Missed"],
                l["Routine.Outcome.EquipmentFailed"], l["Routine.Outcome.Pending"], l["Routine.Export.Total"]], bold);
            foreach (var e in document.Summary.Equipment)
            {
                flow.TableRow(totals, [e.EquipmentName, N(e.OnTime), N(e.Late), N(e.Missed), N(e.EquipmentFailed), N(e.Pending), N(e.Total)], regular);
            }

            flow.Gap(10);
            double[] checks = [0, 70, 140, 260, 480, 560, 660];
            flow.TableRow(checks, [l["Routine.Export.DueDate"], l["Routine.Export.PeriodEnd"], l["Routine.Export.Equipment"], l["Routine.Export.Schedule"],
                l["Routine.Export.Outcome"], l["Routine.Export.Completed"], l["Routine.Export.InspectorOrReason"]], bold);
            foreach (var r in document.Summary.Rows)
            {
                var who = r.Reason is { Length: > 0 } reason ? reason : document.PersonName(r.InspectorId);
                flow.TableRow(checks, [D(r.DueDate), D(r.DeadlineDate), r.EquipmentName, r.ScheduleName, l[$"Routine.Outcome.{r.Outcome}"],
                    document.LocalTime(r.CompletedAtUtc), who], regular);
            }
        }

        PdfFlow.NumberPages(pdf, l["Pdf.PageOf"]);
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
