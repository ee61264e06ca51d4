using DataCenterOps.Domain.People;
using Microsoft.AspNetCore.StaticAssets;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// The tenant boundary at the door: an account that holds the Tenant role and no staff role reaches only its portal
/// (<c>/tenant</c>), its own account pages, the language switch and what the browser needs to run them (the circuit,
/// framework scripts, static assets). <c>/</c> sends it to <c>/tenant</c>; anything else — pages, <c>/api</c>,
/// <c>/metrics</c>, exports, <c>/hangfire</c>, even routes open without sign-in — answers 403, and the denial is logged.
/// A browser asking for a page outside the portal is sent to the styled access-denied page instead (a bare 403 shows
/// the browser's own error screen, with no way back); machines and scripts still get the 403.
/// Runs before authorization; the policies refuse the same account again (<see cref="Policies.SignedIn"/> needs a
/// staff role), which also holds for navigation inside an open circuit.
/// </summary>
internal sealed partial class TenantBoundaryMiddleware(RequestDelegate next, ILogger<TenantBoundaryMiddleware> logger)
{
    private static readonly string[] Open = ["/tenant", "/Account", "/culture", "/_blazor", "/_framework", "/_content"];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(Roles.Tenant) || Roles.Staff.Any(user.IsInRole))
        {
            return next(context);
        }

        var path = context.Request.Path;
        if (Open.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            return next(context);
        }

        if (path == "/" && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Redirect("/tenant");
            return Task.CompletedTask;
        }

        LogDenied(user.Identity.Name ?? "", context.Request.Method, path.Value ?? "");
        if (IsPageVisit(context.Request))
        {
            context.Response.Redirect("/Account/AccessDenied");
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    /// <summary>A browser navigating to a page: GET, HTML accepted, not the API or the metrics scrape.</summary>
    private static bool IsPageVisit(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true)
        && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant account {User} refused {Method} {Path}: outside the tenant portal.")]
    private partial void LogDenied(string user, string method, string path);
}
