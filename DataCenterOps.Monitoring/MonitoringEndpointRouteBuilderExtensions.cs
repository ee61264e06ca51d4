using DataCenterOps.Monitoring.Api;
using DataCenterOps.Monitoring.Metrics;
using Microsoft.AspNetCore.Routing;

namespace DataCenterOps.Monitoring;

/// <summary>Maps <c>/metrics</c> (Prometheus) and the read-only JSON API under <c>/api/v1</c>.</summary>
public static class MonitoringEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapMonitoringEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        MetricsEndpoint.Map(endpoints);
        MonitoringApi.Map(endpoints);
        return endpoints;
    }
}
