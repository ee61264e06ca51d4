namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// CSP, nosniff, frame-ancestors and referrer policy on every response. Runs first and writes the headers when the
/// response starts, so replies ended by authorization (302 to login, 401, 403), the rate limiter (429) and the
/// exception handler carry them too.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // MudBlazor sets inline styles; scripts come only from the app itself (no inline script, no eval).
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = Csp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
