using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Api;

/// <summary>
/// Lets in a signed-in user (any authenticated identity from the app's sign-in) or a caller with <c>Api:ApiKey</c>;
/// everyone else gets 401 — not a redirect to the login page, since the callers are machines.
/// </summary>
internal sealed class ApiAccessFilter(IOptionsMonitor<ApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true
            || (options.CurrentValue.ApiKey is { Length: > 0 } key && ApiKeys.Matches(http.Request, key, allowXApiKeyHeader: true)))
        {
            return await next(context).ConfigureAwait(false);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Unauthorized();
    }
}
