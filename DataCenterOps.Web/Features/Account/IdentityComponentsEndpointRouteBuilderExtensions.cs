using DataCenterOps.Domain.People;
using DataCenterOps.Web.Shared.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DataCenterOps.Web.Features.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Endpoints the Account pages post to (sign-out needs a real HTTP request to clear the cookie).</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var accountGroup = endpoints.MapGroup("/Account");
        // A form post: the framework checks its antiforgery token. Signing out also changes the security stamp, so the
        // old cookie (copied, or left in another browser) is refused from the next request on and open circuits end.
        accountGroup.MapPost("/Logout", async (
            HttpContext http,
            [FromServices] SignInManager<AppUser> signInManager,
            [FromServices] UserManager<AppUser> userManager,
            [FromForm] string? returnUrl) =>
        {
            if (await userManager.GetUserAsync(http.User) is { } user)
            {
                await userManager.UpdateSecurityStampAsync(user);
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LocalUrl.OrRoot(returnUrl));
        }).RequireAuthorization(Policies.AnyAccount);
        return accountGroup;
    }
}
