using DataCenterOps.Monitoring.Api;
using DataCenterOps.Monitoring.Metrics;
using Microsoft.AspNetCore.Routing;

namespace DataCenterOps.Monitoring;

/// <summary>Maps <c>/metrics</c> (Prometheus) and the read-only JSON API under <c>/api/v1</c>.</summary>
public static class MonitoringEndpointRouteBuilderExtensions
{
    /// <summary>
    /// <paramref name="apiPolicy"/> is the host's authorization policy for <c>/api/v1/devices</c> and <c>/api/v1/alarms</c>
    /// (the web app's accepts its sign-in cookie or <c>Api:ApiKey</c>); <c>/metrics</c> checks the key itself.
    /// </summary>
    public static IEndpointRouteBuilder MapMonitoringEndpoints(this IEndpointRouteBuilder endpoints, string apiPolicy)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        MetricsEndpoint.Map(endpoints);
        MonitoringApi.Map(endpoints, apiPolicy);
        return endpoints;
    }
}
