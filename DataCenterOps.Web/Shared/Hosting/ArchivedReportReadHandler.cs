using System.Security.Claims;
using DataCenterOps.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

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
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        Guid? planId = requirement.Checklist
            ? await db.ChecklistExecutions.Where(e => e.Id == id).Select(e => (Guid?)e.WorkPlanItem!.PlanId).FirstOrDefaultAsync()
            : await db.MaintenanceReports.Where(r => r.Id == id).Select(r => (Guid?)r.WorkPlanId).FirstOrDefaultAsync();
        if (planId is null
            || !await db.ArchivedReports.AnyAsync(a => a.WorkPlanId == planId)
            || Policies.RolesOf[Policies.ArchiveReaders].Any(context.User.IsInRole)
            || await IsNamedAsync(db, planId.Value, userId))
        {
            context.Succeed(requirement);
        }
    }

    private static async Task<bool> IsNamedAsync(DataCenterOpsDbContext db, Guid planId, string userId)
    {
        var plan = await db.WorkPlans.AsNoTracking().Include(p => p.Letter).ThenInclude(l => l!.Inspectors)
            .FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return false;
        }

        return plan.ManagerId == userId
            || plan.Letter is { } letter && (letter.SupervisorId == userId || letter.ManagerId == userId || letter.Inspectors.Any(i => i.UserId == userId))
            || await db.ChecklistExecutions.AnyAsync(e => e.WorkPlanItem!.PlanId == planId && e.InspectorId == userId);
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
