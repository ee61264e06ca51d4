using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Documents;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>A Rencana Kerja as an A4 PDF on the one PDF engine: kop, title, its Surat Tugas, state, and the planned items.</summary>
public static class WorkPlanPdf
{
    private const double ColonX = 130;
    private const double ValueX = 140;

    public static byte[] Write(WorkPlan plan, IReadOnlyDictionary<string, string> names, IStringLocalizer<Ui> text, DisplayClock clock, Letterhead letterhead)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(letterhead);
        PdfFonts.Ensure();
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"Rencana Kerja {plan.Title}";
        string Name(string id) => names.TryGetValue(id, out var name) ? name : id;
        using (var flow = new PdfFlow(pdf))
        {
            var body = PdfFlow.Font(10);
            var bold = PdfFlow.Font(9, XFontStyleEx.Bold);
            letterhead.Draw(flow);
            flow.Paragraph("RENCANA KERJA", PdfFlow.Font(13, XFontStyleEx.Bold | XFontStyleEx.Underline), centered: true);
            flow.Gap(10);
            flow.Row(text["PlanTitle"], plan.Title, body, 0, ColonX, ValueX);
            if (plan.Letter is { } letter)
            {
                flow.Row("Surat Tugas", letter.Number ?? "", body, 0, ColonX, ValueX);
                flow.Row(text["Agenda"], letter.Agenda, body, 0, ColonX, ValueX);
            }

            flow.Row("Pengelola", Name(plan.ManagerId), body, 0, ColonX, ValueX);
            flow.Row(text["State"], text[$"State.{plan.State}"], body, 0, ColonX, ValueX);
            flow.Row(text["EvidencePack.Plan.PublishedAt"], clock.Format(plan.PublishedAtUtc), body, 0, ColonX, ValueX);
            flow.Gap(10);
            double[] columns = [0, 70, 230, 370];
            flow.TableRow(columns, [text["PlannedDate"], text["Equipment"], text["Checklist"], "Pemeriksa"], bold, XBrushes.LightGray);
            foreach (var item in plan.Items.OrderBy(i => i.PlannedDate).ThenBy(i => i.Equipment?.Name, StringComparer.Ordinal))
            {
                flow.TableRow(columns,
                    [item.PlannedDate.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture), item.Equipment?.Name ?? "",
                        item.Template?.Name ?? "", Name(item.InspectorId)], PdfFlow.Font(9));
            }
        }

        PdfFlow.NumberPages(pdf, text["Pdf.PageOf"]);
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
