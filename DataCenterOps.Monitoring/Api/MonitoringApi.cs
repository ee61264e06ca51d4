using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DataCenterOps.Monitoring.Api;

/// <summary>
/// The read-only JSON API: <c>/api/v1/devices</c> and <c>/api/v1/alarms</c>. <c>?site=CODE</c> keeps one site's;
/// without it, every site the caller may see (<see cref="IDeviceSiteScope"/>). A site the caller may not see is 403.
/// Devices are named by <see cref="IDeviceDisplayNames"/> (the name on every screen); ids stay the keys.
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

    private static async Task<IResult> GetDevices(HttpContext http, string? site, LiveStateStore liveState, IDeviceSiteScope scope, IDeviceDisplayNames names)
    {
        var filter = await SiteFilter.ForAsync(http, site, scope).ConfigureAwait(false);
        if (filter is null)
        {
            return OtherSite();
        }

        await names.RefreshAsync(http.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(liveState.GetDevices().Where(d => filter.Keeps(d.Site)).Select(d => ToDto(d, names.Of(d.DeviceId), scope.SiteOf(d.Site))).ToArray());
    }

    private static async Task<IResult> GetAlarms(
        HttpContext http, string? site, AlarmService alarms, LiveStateStore liveState, IDeviceSiteScope scope, IDeviceDisplayNames names)
    {
        var filter = await SiteFilter.ForAsync(http, site, scope).ConfigureAwait(false);
        if (filter is null)
        {
            return OtherSite();
        }

        await names.RefreshAsync(http.RequestAborted).ConfigureAwait(false);
        // An alarm of a source without a device (the access register's door check) belongs to the site it names
        // (access:CODE), or to the default site (access).
        return TypedResults.Ok(alarms.GetActive()
            .Select(a => (Alarm: a, Device: liveState.GetDevice(a.DeviceId)))
            .Select(x => (x.Alarm, x.Device, DeviceSite: liveState.SiteCodeOf(x.Alarm.DeviceId)))
            .Where(x => filter.Keeps(x.DeviceSite))
            .Select(x => new AlarmDto(x.Alarm.Id, x.Alarm.DeviceId, x.Alarm.Key, x.Alarm.Severity.ToString(),
                Named(x.Alarm, x.Device?.Name, names.Of(x.Alarm.DeviceId)), x.Alarm.RaisedAt,
                x.Alarm.AcknowledgedBy, x.Alarm.AcknowledgedAt, x.Alarm.AcknowledgeComment, scope.SiteOf(x.DeviceSite), names.Of(x.Alarm.DeviceId)))
            .ToArray());
    }

    private static IResult OtherSite() =>
        Results.Problem("This site is not one the caller's roles reach.", statusCode: StatusCodes.Status403Forbidden, title: "OtherSite");

    // Monitoring writes the configured name into the messages that name their device (no answer, no valid data).
    private static string Named(Alarm alarm, string? configuredName, string name) =>
        configuredName is { Length: > 0 } configured && alarm.Key is AlarmKeys.CommLost or AlarmKeys.NoValidData
            ? alarm.Message.Replace(configured, name, StringComparison.Ordinal)
            : alarm.Message;

    private static DeviceDto ToDto(DeviceSnapshot device, string name, string site) => new(
        device.DeviceId,
        name,
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
