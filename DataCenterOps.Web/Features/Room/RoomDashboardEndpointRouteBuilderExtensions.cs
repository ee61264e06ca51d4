using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using DataCenterOps.Web.Shared.Hosting;

namespace DataCenterOps.Web.Features.Room;

/// <summary>Maps the room dashboard's HTTP endpoints (the pages are Razor components and need no mapping).</summary>
public static class RoomDashboardEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>GET /room/devices/{id}/export.csv</c> and <c>GET /room/incidents/{id}/report.pdf</c> (signed-in users only).</summary>
    public static IEndpointRouteBuilder MapRoomDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/room/devices/{id}/export.csv", DeviceCsvExport.HandleAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithName("RoomDeviceCsvExport");
        endpoints.MapGet("/room/incidents/{id:guid}/report.pdf", IncidentReportEndpoint.HandleAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithName("RoomIncidentReportPdf");
        return endpoints;
    }
}
