using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataCenterOps.Monitoring.Api;

/// <summary>
/// The read-only JSON API: <c>/api/v1/devices</c> and <c>/api/v1/alarms</c>. <c>?site=CODE</c> keeps one site's;
/// without it, every site the caller may see (<see cref="IDeviceSiteScope"/>). A site the caller may not see is 403.
/// </summary>
internal static class MonitoringApi
{
    /// <summary>Maps the API; <paramref name="policy"/> decides who may read it (the host's sign-in or its API key).</summary>
    public static void Map(IEndpointRouteBuilder endpoints, string policy)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(policy);
        api.MapGet("/devices", GetDevices);
        api.MapGet("/alarms", GetAlarms);
    }

    private static async Task<IResult> GetDevices(HttpContext http, string? site, LiveStateStore liveState, IDeviceSiteScope scope)
    {
        var filter = await SiteFilter.ForAsync(http, site, scope).ConfigureAwait(false);
        return filter is null
            ? OtherSite()
            : TypedResults.Ok(liveState.GetDevices().Where(d => filter.Keeps(d.Site)).Select(d => ToDto(d, scope.SiteOf(d.Site))).ToArray());
    }

    private static async Task<IResult> GetAlarms(HttpContext http, string? site, AlarmService alarms, LiveStateStore liveState, IDeviceSiteScope scope)
    {
        var filter = await SiteFilter.ForAsync(http, site, scope).ConfigureAwait(false);
        if (filter is null)
        {
            return OtherSite();
        }

        // An alarm of a source without a device (the access register's door check) belongs to the site it names
        // (access:CODE), or to the default site (access).
        return TypedResults.Ok(alarms.GetActive()
            .Select(a => (Alarm: a, DeviceSite: liveState.SiteCodeOf(a.DeviceId)))
            .Where(x => filter.Keeps(x.DeviceSite))
            .Select(x => new AlarmDto(x.Alarm.Id, x.Alarm.DeviceId, x.Alarm.Key, x.Alarm.Severity.ToString(), x.Alarm.Message, x.Alarm.RaisedAt,
                x.Alarm.AcknowledgedBy, x.Alarm.AcknowledgedAt, x.Alarm.AcknowledgeComment, scope.SiteOf(x.DeviceSite)))
            .ToArray());
    }

    private static IResult OtherSite() =>
        Results.Problem("This site is not one the caller's roles reach.", statusCode: StatusCodes.Status403Forbidden, title: "OtherSite");

    private static DeviceDto ToDto(DeviceSnapshot device, string site) => new(
        device.DeviceId,
        device.Name,
        device.Kind.ToString(),
        device.Protocol.ToString(),
        device.Status.IsUp,
        device.Status.IsCommLost,
        device.Status.LastPoll,
        device.Status.LastSuccess,
        device.Status.LastPollDuration?.TotalMilliseconds,
        [.. device.Points.Select(p => new PointDto(p.Point, p.Value, p.Text, p.Unit, p.Quality.ToString(), p.Timestamp))],
        site);
}
