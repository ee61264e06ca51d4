using Microsoft.AspNetCore.Http;

namespace DataCenterOps.Monitoring.Api;

/// <summary>Which devices' data one request gets: the asked-for site, or every site the caller may see.</summary>
internal sealed class SiteFilter(IDeviceSiteScope scope, string? site, IReadOnlySet<string>? visible)
{
    /// <summary>The filter for <paramref name="site"/> (null or empty: all the caller may see); null when the caller may not see that site.</summary>
    public static async Task<SiteFilter?> ForAsync(HttpContext http, string? site, IDeviceSiteScope scope)
    {
        var visible = await scope.VisibleAsync(http, http.RequestAborted).ConfigureAwait(false);
        var wanted = string.IsNullOrWhiteSpace(site) ? null : site.Trim();
        return wanted is not null && visible is not null && !visible.Contains(wanted) ? null : new SiteFilter(scope, wanted, visible);
    }

    /// <summary>Whether data of a device configured with <paramref name="deviceSiteCode"/> goes into the answer.</summary>
    public bool Keeps(string? deviceSiteCode)
    {
        var code = scope.SiteOf(deviceSiteCode);
        return (site is null || string.Equals(site, code, StringComparison.OrdinalIgnoreCase)) && (visible is null || visible.Contains(code));
    }
}
