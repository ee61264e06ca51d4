using System.Security.Claims;
using DataCenterOps.Domain.People;
using Microsoft.AspNetCore.Authorization;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// Decides <see cref="PengawasDutiesRequirement"/>: the role from the cookie, a delegation from the process-wide
/// <see cref="DirectoryCache"/> (read again at once when this process gives or ends one). The menu asks on every page's
/// prerender and again at its circuit's start; a hit asks the database nothing. Issuing and reviewing check the
/// delegation in the database themselves (StandInGuard), so this only decides what the screens offer.
/// </summary>
internal sealed class PengawasDutiesHandler(DirectoryCache directory, TimeProvider time) : AuthorizationHandler<PengawasDutiesRequirement>
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

        if ((await directory.CurrentAsync()).IsStandingIn(userId, time.GetUtcNow()))
        {
            context.Succeed(requirement);
        }
    }
}
