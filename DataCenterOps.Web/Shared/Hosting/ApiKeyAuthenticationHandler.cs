using System.Security.Claims;
using System.Text.Encodings.Web;
using DataCenterOps.Monitoring.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// <c>Api:ApiKey</c> sent as <c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c> (compared in constant time).
/// Used only by <see cref="Policies.Api"/>; a challenge answers 401 with <c>WWW-Authenticate: Bearer</c>, never a redirect.
/// No key configured: nobody authenticates this way.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<ApiOptions> api)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var hasKey = Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || Request.Headers.ContainsKey("X-Api-Key");
        if (!hasKey)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (api.CurrentValue.ApiKey is not { Length: > 0 } key || !ApiKeys.Matches(Request, key, allowXApiKeyHeader: true))
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key"), new Claim(ClaimTypes.NameIdentifier, "api-key")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
