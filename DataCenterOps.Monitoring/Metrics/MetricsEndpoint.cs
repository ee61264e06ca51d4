using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Api;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Traps;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Metrics;

/// <summary><c>GET /metrics</c> for Prometheus; open unless <c>Metrics:ApiKey</c> is set.</summary>
internal static class MetricsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/metrics", Scrape).AllowAnonymous();

    private static async Task<IResult> Scrape(HttpContext http, IOptionsMonitor<MetricsOptions> options, LiveStateStore liveState, AlarmService alarms, IDeviceLeases leases, IDeviceSiteScope sites)
    {
        if (options.CurrentValue.ApiKey is { Length: > 0 } key && !ApiKeys.Matches(http.Request, key, allowXApiKeyHeader: false))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Unauthorized();
        }

        var text = PrometheusExposition.Render(liveState.GetDevices(), alarms.GetActive(), sites.SiteOf);
        var builder = new System.Text.StringBuilder(text, text.Length + 1024);
        PrometheusExposition.AppendNodeDevices(builder, await NodeCountsAsync(leases, http.RequestAborted).ConfigureAwait(false));
        if (http.RequestServices.GetService<TrapStatistics>() is { } traps)
        {
            traps.AppendPrometheus(builder);
        }

        return Results.Text(builder.ToString(), PrometheusExposition.ContentType);
    }

    // The shared database away for a moment: the scrape still answers with the live state, without the node series.
    private static async Task<IReadOnlyList<NodeDeviceCount>> NodeCountsAsync(IDeviceLeases leases, CancellationToken cancellationToken)
    {
        try
        {
            return await leases.CountsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException)
        {
            return [];
        }
    }
}
