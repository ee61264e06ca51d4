using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace DataCenterOps.Monitoring.Api;

/// <summary>The read-only JSON API: <c>/api/v1/devices</c> and <c>/api/v1/alarms</c>.</summary>
internal static class MonitoringApi
{
    /// <summary>Maps the API; <paramref name="policy"/> decides who may read it (the host's sign-in or its API key).</summary>
    public static void Map(IEndpointRouteBuilder endpoints, string policy)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(policy);
        api.MapGet("/devices", GetDevices);
        api.MapGet("/alarms", GetAlarms);
    }

    private static Ok<DeviceDto[]> GetDevices(LiveStateStore liveState) =>
        TypedResults.Ok(liveState.GetDevices().Select(ToDto).ToArray());

    private static Ok<AlarmDto[]> GetAlarms(AlarmService alarms) =>
        TypedResults.Ok(alarms.GetActive()
            .Select(a => new AlarmDto(a.Id, a.DeviceId, a.Key, a.Severity.ToString(), a.Message, a.RaisedAt, a.AcknowledgedBy, a.AcknowledgedAt, a.AcknowledgeComment))
            .ToArray());

    private static DeviceDto ToDto(DeviceSnapshot device) => new(
        device.DeviceId,
        device.Name,
        device.Kind.ToString(),
        device.Protocol.ToString(),
        device.Status.IsUp,
        device.Status.IsCommLost,
        device.Status.LastPoll,
        device.Status.LastSuccess,
        device.Status.LastPollDuration?.TotalMilliseconds,
        [.. device.Points.Select(p => new PointDto(p.Point, p.Value, p.Text, p.Unit, p.Quality.ToString(), p.Timestamp))]);
}
