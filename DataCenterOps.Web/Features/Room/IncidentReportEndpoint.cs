using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Features.Room.Pages;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Room;

/// <summary><c>GET /room/incidents/{id}/report.pdf</c>: the incident as a PDF for the SOP's report (404 when there is none).</summary>
internal static class IncidentReportEndpoint
{
    public static async Task<IResult> HandleAsync(
        Guid id, IncidentService incidents, HistoryQuery history, LiveStateStore liveState, RoomNames names,
        IStringLocalizer<Ui> l, Letterhead letterhead, DisplayClock clock, HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        if (await incidents.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } incident)
        {
            return Results.NotFound();
        }

        await names.EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        var (from, to) = RoomIncidentPage.Window(incident.Summary, clock.UtcNow);
        var readings = new List<HistorySeries>();
        foreach (var (deviceId, point) in RoomIncidentPage.InvolvedPoints(incident.Alarms, liveState))
        {
            readings.Add(await history.GetSeriesAsync(deviceId, point, from, to, cancellationToken).ConfigureAwait(false));
        }

        var fileName = $"insiden-{incident.Summary.OpenedAt.UtcDateTime:yyyyMMdd-HHmm}.pdf";
        return Results.File(IncidentPdf.Write(incident, readings, l, letterhead, clock, names), "application/pdf", fileName);
    }
}
