using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.Api;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Features.Room.Pages;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// <c>GET /room/incidents/{id}/report.pdf</c>: the incident as a PDF for the SOP's report (404 when there is none, or
/// when none of its alarms is on a device at a site the caller may see).
/// </summary>
internal static class IncidentReportEndpoint
{
    public static async Task<IResult> HandleAsync(
        Guid id, IncidentService incidents, HistoryQuery history, LiveStateStore liveState, RoomNames names,
        IStringLocalizer<Ui> l, Letterhead letterhead, DisplayClock clock, IDeviceSiteScope sites, HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        if (await incidents.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } incident
            || !Reaches(await sites.VisibleAsync(context, cancellationToken).ConfigureAwait(false), sites, liveState, incident))
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

    /// <summary>Whether one of the incident's alarms is on a device at a site the caller may see (null = every site); one without alarms counts as the default site's.</summary>
    private static bool Reaches(IReadOnlySet<string>? visible, IDeviceSiteScope sites, LiveStateStore liveState, IncidentDetail incident) =>
        visible is null
        || (incident.Alarms.Count == 0
            ? visible.Contains(sites.SiteOf(null))
            : incident.Alarms.Any(a => visible.Contains(sites.SiteOf(liveState.SiteCodeOf(a.DeviceId)))));
}
