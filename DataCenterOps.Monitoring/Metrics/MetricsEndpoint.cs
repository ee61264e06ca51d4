using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Api;
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

    private static IResult Scrape(HttpContext http, IOptionsMonitor<MetricsOptions> options, LiveStateStore liveState, AlarmService alarms)
    {
        if (options.CurrentValue.ApiKey is { Length: > 0 } key && !ApiKeys.Matches(http.Request, key, allowXApiKeyHeader: false))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Unauthorized();
        }

        var text = PrometheusExposition.Render(liveState.GetDevices(), alarms.GetActive());
        if (http.RequestServices.GetService<TrapStatistics>() is { } traps)
        {
            var builder = new System.Text.StringBuilder(text, text.Length + 1024);
            traps.AppendPrometheus(builder);
            text = builder.ToString();
        }

        return Results.Text(text, PrometheusExposition.ContentType);
    }
}
