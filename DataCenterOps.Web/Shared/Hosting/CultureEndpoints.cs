using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Shared.Hosting;

internal static class CultureEndpoints
{
    /// <summary>GET /culture/set?culture=en-US&amp;redirectUri=/letters — stores the choice in the culture cookie.</summary>
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
            var target = redirectUri is { Length: > 0 } && redirectUri[0] == '/' && !redirectUri.StartsWith("//", StringComparison.Ordinal)
                && !redirectUri.StartsWith("/\\", StringComparison.Ordinal) ? redirectUri : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
}
