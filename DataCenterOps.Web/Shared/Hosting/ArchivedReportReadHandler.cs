using System.Security.Claims;
using DataCenterOps.Domain.Archive;
using Microsoft.AspNetCore.Authorization;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// Decides <see cref="ArchivedReportReadRequirement"/> from the route's Id, over HTTP (resource: the request) and in a
/// circuit (resource: the router's <see cref="Microsoft.AspNetCore.Components.RouteData"/>). An unknown or malformed id passes, so the page shows its
/// own not-found text rather than telling what exists.
/// </summary>
internal sealed class ArchivedReportReadHandler(IServiceScopeFactory scopes) : AuthorizationHandler<ArchivedReportReadRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ArchivedReportReadRequirement requirement)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (context.User.Identity?.IsAuthenticated != true || userId is null)
        {
            return;
        }

        if (!TryRouteId(context.Resource, out var id))
        {
            context.Succeed(requirement);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var archive = scope.ServiceProvider.GetRequiredService<ArchiveReadQueries>();
        var archivedPlan = requirement.Checklist
            ? await archive.ArchivedPlanOfChecklistAsync(id)
            : await archive.ArchivedPlanOfReportAsync(id);
        if (archivedPlan is null
            || Policies.RolesOf[Policies.ArchiveReaders].Any(context.User.IsInRole)
            || await archive.IsNamedOnPlanAsync(archivedPlan.Value, userId))
        {
            context.Succeed(requirement);
        }
    }

    private static bool TryRouteId(object? resource, out Guid id)
    {
        var value = resource switch
        {
            HttpContext http => http.GetRouteValue("Id") ?? http.GetRouteValue("id"),
            Microsoft.AspNetCore.Components.RouteData route => route.RouteValues.TryGetValue("Id", out var v) ? v : null,
            _ => null,
        };
        switch (value)
        {
            case Guid guid:
                id = guid;
                return true;
            case string text:
                return Guid.TryParse(text, out id);
            default:
                id = Guid.Empty;
                return false;
        }
    }
}
