using System.Security.Claims;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Monitoring.Api;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Shared.Sites;

/// <summary>
/// The web app's answer to monitoring's <see cref="IDeviceSiteScope"/>: a signed-in person sees the sites their roles
/// reach (no user-site rows = every site); the API key (<c>Api:ApiKey</c>, a machine, not a person) sees every site.
/// </summary>
internal sealed class PersonSiteScope(IOptions<SitesOptions> options) : IDeviceSiteScope
{
    public string SiteOf(string? deviceSiteCode) => string.IsNullOrWhiteSpace(deviceSiteCode) ? options.Value.Default.Code : deviceSiteCode;

    public async Task<IReadOnlySet<string>?> VisibleAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = http.User;
        if (user.Identity is { IsAuthenticated: true, AuthenticationType: Hosting.ApiKeyAuthenticationHandler.SchemeName })
        {
            return null;
        }

        var actor = await http.RequestServices.GetRequiredService<PeopleDirectory>().ActorAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (actor.Sites is null)
        {
            return null;
        }

        var sites = await http.RequestServices.GetRequiredService<SiteQueries>().AllAsync(cancellationToken);
        return sites.Where(s => actor.WorksAt(s.Id)).Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
