using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace DataCenterOps.Monitoring.Api;

/// <summary>
/// The scope of a host that knows no people (monitoring on its own): every caller sees every site, and the default
/// site's code is <c>Sites:Default:Code</c> (the web app's default, <c>DC-KALTIM</c>, when unset). The web app
/// registers its own scope.
/// </summary>
internal sealed class AllSitesScope(IConfiguration configuration) : IDeviceSiteScope
{
    private readonly string _defaultCode = configuration["Sites:Default:Code"] is { Length: > 0 } code ? code : "DC-KALTIM";

    public string SiteOf(string? deviceSiteCode) => string.IsNullOrWhiteSpace(deviceSiteCode) ? _defaultCode : deviceSiteCode;

    public Task<IReadOnlySet<string>?> VisibleAsync(HttpContext http, CancellationToken cancellationToken) => Task.FromResult<IReadOnlySet<string>?>(null);
}
