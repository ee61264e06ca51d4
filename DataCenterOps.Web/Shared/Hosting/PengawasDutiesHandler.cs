using System.Security.Claims;
using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.People;
using Microsoft.AspNetCore.Authorization;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>Decides <see cref="PengawasDutiesRequirement"/>: the role from the cookie, a delegation from the database.</summary>
internal sealed class PengawasDutiesHandler(IServiceScopeFactory scopes) : AuthorizationHandler<PengawasDutiesRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PengawasDutiesRequirement requirement)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (context.User.Identity?.IsAuthenticated != true || userId is null)
        {
            return;
        }

        if (context.User.IsInRole(Roles.Supervisor))
        {
            context.Succeed(requirement);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<StandInService>().IsStandingInAsync(userId))
        {
            context.Succeed(requirement);
        }
    }
}
