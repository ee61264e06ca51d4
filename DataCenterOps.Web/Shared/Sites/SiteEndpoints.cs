namespace DataCenterOps.Web.Shared.Sites;

internal static class SiteEndpoints
{
    /// <summary>
    /// GET /site/set?code=DC-KALTIM&amp;redirectUri=/ — remembers the chosen site in the caller's own cookie and goes
    /// back. Changes nothing on the server; whether the person may see that site is decided on every screen.
    /// </summary>
    public static IEndpointConventionBuilder MapSiteEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/site/set", (HttpContext context, string code, string? redirectUri) =>
        {
            if (code.Length is > 0 and <= 32 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                context.Response.Cookies.Append(SiteContext.CookieName, code,
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365), Secure = context.Request.IsHttps });
            }

            return Results.LocalRedirect(Hosting.LocalUrl.OrRoot(redirectUri));
        }).RequireAuthorization(Hosting.Policies.SignedIn);
}
