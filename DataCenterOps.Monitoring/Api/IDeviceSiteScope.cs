using Microsoft.AspNetCore.Http;

namespace DataCenterOps.Monitoring.Api;

/// <summary>
/// Which site a device stands at, and which sites a caller of <c>/api/v1</c> may see. The host decides: the web app
/// answers with the person's sites (a person limited to sites sees only theirs; the API key sees every site).
/// </summary>
public interface IDeviceSiteScope
{
    /// <summary>The code of the site a device configured with <paramref name="deviceSiteCode"/> stands at (empty = the default site).</summary>
    string SiteOf(string? deviceSiteCode);

    /// <summary>The site codes the caller may see (case-insensitive); null for every site.</summary>
    Task<IReadOnlySet<string>?> VisibleAsync(HttpContext http, CancellationToken cancellationToken);
}
