using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;

namespace DataCenterOps.Web.Features.Routine.Dashboard;

/// <summary>
/// Admits a request only when the signed-in user meets <paramref name="policy"/>, evaluated by the app's
/// <see cref="IAuthorizationService"/> (its own sign-in). Replaces Hangfire's default filter, which admits any
/// "local" request — everything behind a same-host reverse proxy.
/// </summary>
public sealed class HangfirePolicyAuthorizationFilter(string policy) : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        return (await authorization.AuthorizeAsync(http.User, http, policy)).Succeeded;
    }
}
