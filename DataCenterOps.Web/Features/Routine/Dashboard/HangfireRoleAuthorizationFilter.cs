using DataCenterOps.Domain.People;
using Hangfire.Dashboard;

namespace DataCenterOps.Web.Features.Routine.Dashboard;

/// <summary>
/// Admits only signed-in Administrators and Supervisors (through the app's own sign-in). Replaces Hangfire's default
/// filter, which admits any "local" request — everything behind a same-host reverse proxy.
/// </summary>
public sealed class HangfireRoleAuthorizationFilter : IDashboardAuthorizationFilter
{
    public static readonly IReadOnlyList<string> AllowedRoles = [Roles.Administrator, Roles.Supervisor];

    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && AllowedRoles.Any(user.IsInRole);
    }
}
