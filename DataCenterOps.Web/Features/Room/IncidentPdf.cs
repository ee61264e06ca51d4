using System.Globalization;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Web.Features.Room.Components;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// An incident for the SOP's report on the one PDF engine: kop, title, period and duration, who acknowledged, the
/// timeline as a table, and the figures of the involved readings (before, lowest, highest, after); page numbers.
/// </summary>
internal static class IncidentPdf
{
    public static byte[] Write(
        IncidentDetail incident, IReadOnlyList<HistorySeries> readings, IStringLocalizer<Ui> l, Letterhead letterhead, DisplayClock clock, RoomNames names)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(letterhead);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(names);
        PdfFonts.Ensure();
        using var pdf = new PdfDocument();
        var summary = incident.Summary;
        var title = IncidentText.Title(l, summary.Rule);
        pdf.Info.Title = title;
        var bold = PdfFlow.Font(8.5, XFontStyleEx.Bold);
        var regular = PdfFlow.Font(8.5);
        using (var flow = new PdfFlow(pdf, landscape: true))
        {
            letterhead.Draw(flow);
            flow.Paragraph(l["Room.Incident.PdfHeading"], PdfFlow.Font(10, XFontStyleEx.Bold));
            flow.Paragraph(title, PdfFlow.Font(14, XFontStyleEx.Bold));
            flow.Gap(4);
            var period = summary.ClosedAt is { } closed
                ? $"{clock.FormatWithZone(summary.OpenedAt)} – {clock.FormatWithZone(closed)}"
                : $"{clock.FormatWithZone(summary.OpenedAt)} – {l["Room.Incident.State.Open"]}";
            flow.Row(l["Room.Incident.Period"], period, regular, 0, 150, 160);
            flow.Row(l["Room.Incident.Duration"], IncidentText.Duration(l, summary, clock.UtcNow), regular, 0, 150, 160);
            flow.Row(l["Room.Alarms.Severity"], RoomFormat.SeverityText(l, summary.Severity), regular, 0, 150, 160);
            flow.Row(l["Room.Incident.Alarms"], summary.AlarmCount.ToString(CultureInfo.CurrentCulture), regular, 0, 150, 160);
            flow.Row(l["Room.Incident.AcknowledgedBy"], incident.AcknowledgedBy.Count == 0 ? "—" : string.Join(", ", incident.AcknowledgedBy), regular, 0, 150, 160);
            flow.Gap(10);

            flow.Paragraph(l["Room.Incident.Timeline"], PdfFlow.Font(11, XFontStyleEx.Bold));
            double[] columns = [0, 130, 230, 340, 610];
            string[] header = [l["Room.Incident.Time"], l["Room.Incident.What"], l["Room.Alarms.Device"], l["Room.Alarms.Message"], l["Room.Incident.Who"]];
            flow.TableRow(columns, header, bold);
            flow.PageStarted = f => f.TableRow(columns, header, bold);
            foreach (var entry in incident.Timeline)
            {
                var message = entry.Alarm is { } alarm ? RoomFormat.AlarmText(l, alarm, names) : "";
                if (entry.Text is { } text)
                {
                    message = message.Length == 0 ? $"“{text}”" : $"{message} — “{text}”";
                }

                flow.TableRow(columns, [
                    clock.FormatWithZone(entry.At),
                    IncidentText.Kind(l, entry.Kind),
                    entry.Alarm is { } a ? names.Of(a.DeviceId) : "",
                    message,
                    entry.ActorName ?? entry.Actor ?? ""], regular);
            }

            flow.PageStarted = null;
            flow.Gap(10);
            flow.Paragraph(l["Room.Incident.Readings"], PdfFlow.Font(11, XFontStyleEx.Bold));
            flow.Paragraph(l["Room.Incident.ReadingsWindow", (int)Pages.RoomIncidentPage.ChartMargin.TotalMinutes], PdfFlow.Font(8.5));
            double[] figures = [0, 150, 330, 410, 490, 570];
            flow.TableRow(figures, [l["Room.Alarms.Device"], l["Room.Device.Point"], l["Room.Incident.Before"], l["Room.Incident.Lowest"], l["Room.Incident.Highest"], l["Room.Incident.After"]], bold);
            foreach (var series in readings)
            {
                if (series.Samples.Count == 0)
                {
                    flow.TableRow(figures, [names.Of(series.DeviceId), RoomFormat.PointName(l, series.Point), l["Room.Chart.NoData"], "", "", ""], regular);
                    continue;
                }

                flow.TableRow(figures, [
                    names.Of(series.DeviceId),
                    RoomFormat.PointName(l, series.Point),
                    N(series.Samples[0].Avg),
                    N(series.Samples.Min(s => s.Min)),
                    N(series.Samples.Max(s => s.Max)),
                    N(series.Samples[^1].Avg)], regular);
            }

            flow.Gap(10);
            flow.Paragraph(l["Room.Incident.Generated", clock.FormatWithZone(clock.UtcNow)], PdfFlow.Font(8));
        }

        PdfFlow.NumberPages(pdf, l["Pdf.PageOf"]);
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string N(double value) => value.ToString("N1", CultureInfo.CurrentCulture);
}
