using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// Antiforgery for state-changing JSON endpoints a browser session can call: a POST (PUT, PATCH, DELETE) made with the
/// sign-in cookie must carry the antiforgery token (header <c>RequestVerificationToken</c> or form field), else 400.
/// (Form posts are checked by the framework itself; JSON bodies are not, hence this filter.)
/// A call authenticated by the API key alone carries no cookie: a cross-site page cannot make the browser attach a key
/// it does not know, so there is nothing to forge and such calls are exempt by design.
/// </summary>
internal sealed partial class BrowserAntiforgeryFilter(IAntiforgery antiforgery, ILogger<BrowserAntiforgeryFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        var byCookie = http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);
        if (!safe && byCookie && !await antiforgery.IsRequestValidAsync(http))
        {
            LogRefused(logger, http.Request.Path);
            return Results.Problem("Missing or invalid antiforgery token.", statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Antiforgery token missing or invalid on {Path}")]
    private static partial void LogRefused(ILogger logger, string path);
}
