using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Shared.Hosting;

internal static class CultureEndpoints
{
    /// <summary>
    /// GET /culture/set?culture=en-US&amp;redirectUri=/letters — stores the choice in the culture cookie. A GET without
    /// antiforgery by design: it changes nothing on the server, only the caller's own display-language cookie.
    /// </summary>
    public static IEndpointConventionBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture/set", (HttpContext context, string culture, string? redirectUri, IOptions<CultureOptions> options) =>
        {
            if (options.Value.SupportedCultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365), Secure = context.Request.IsHttps });
            }

            // Local paths only: never an open redirect.
            return Results.LocalRedirect(LocalUrl.OrRoot(redirectUri));
        }).AllowAnonymous();
}
