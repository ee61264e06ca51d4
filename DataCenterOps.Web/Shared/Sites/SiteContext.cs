using System.Security.Claims;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Sites;
using Microsoft.AspNetCore.Identity;

namespace DataCenterOps.Web.Shared.Sites;

/// <summary>
/// The site this circuit shows (every screen is for one site), chosen by <c>?site=CODE</c> or the site cookie, and
/// the sites the signed-in person may switch between. Scoped: one per circuit, set once by <c>Routes</c>. With a
/// single site, or a person limited to one, nothing about sites is shown at all. Read from the process-wide
/// <see cref="DirectoryCache"/>: the first render of a page (prerender and circuit) does not wait for the database.
/// </summary>
public sealed class SiteContext(IServiceProvider services)
{
    /// <summary>The cookie that remembers the chosen site between visits.</summary>
    public const string CookieName = "DataCenterOps.Site";

    /// <summary>The query parameter that opens a screen at a site.</summary>
    public const string QueryName = "site";

    private static readonly string s_stampClaim = new ClaimsIdentityOptions().SecurityStampClaimType;

    private static readonly Site s_fallback = new() { Id = Site.DefaultId, Code = SitesOptions.DefaultCode };

    public Site Current { get; private set; } = s_fallback;

    /// <summary>The sites the person's roles reach, the default first.</summary>
    public IReadOnlyList<Site> Visible { get; private set; } = [s_fallback];

    /// <summary>Every site of the installation.</summary>
    public IReadOnlyList<Site> All { get; private set; } = [s_fallback];

    /// <summary>Whether the switcher, the overview and any mention of sites appear: more than one site the person may see.</summary>
    public bool IsMultiSite => Visible.Count > 1;

    public bool IsLoaded { get; private set; }

    /// <summary>Reads the sites and picks the requested one when the person may see it, else their first.</summary>
    public Task LoadAsync(string userId, string? requestedCode, CancellationToken cancellationToken = default) =>
        LoadAsync(userId, requestedCode, securityStamp: null, cancellationToken);

    /// <summary>
    /// As <see cref="LoadAsync(string, string?, CancellationToken)"/> for the signed-in <paramref name="user"/>: their cookie's
    /// security stamp makes a cached directory that predates a change of their sites on another node read again.
    /// </summary>
    public Task LoadAsync(ClaimsPrincipal user, string? requestedCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return LoadAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", requestedCode, user.FindFirstValue(s_stampClaim), cancellationToken);
    }

    private async Task LoadAsync(string userId, string? requestedCode, string? securityStamp, CancellationToken cancellationToken)
    {
        var directory = await services.GetRequiredService<DirectoryCache>().CurrentAsync(userId, securityStamp, cancellationToken);
        var limits = string.IsNullOrEmpty(userId) ? null : directory.SitesOf(userId);
        var all = directory.Sites;
        var visible = all.Where(s => limits is null || limits.Contains(s.Id)).ToList();
        All = all.Count > 0 ? all : [s_fallback];
        Visible = visible.Count > 0 ? visible : [All[0]];
        Current = Visible.FirstOrDefault(s => string.Equals(s.Code, requestedCode, StringComparison.OrdinalIgnoreCase)) ?? Visible[0];
        IsLoaded = true;
    }

    /// <summary>Whether a device configured with <paramref name="deviceSiteCode"/> (empty = the default site) stands at the current site.</summary>
    public bool Shows(string? deviceSiteCode) => SiteOf(deviceSiteCode)?.Id == Current.Id;

    /// <summary>Whether the person may see a device configured with <paramref name="deviceSiteCode"/>.</summary>
    public bool Reaches(string? deviceSiteCode) => SiteOf(deviceSiteCode) is { } site && Visible.Any(v => v.Id == site.Id);

    private Site? SiteOf(string? code) =>
        string.IsNullOrWhiteSpace(code)
            ? All.FirstOrDefault(s => s.IsDefault) ?? All[0]
            : All.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));
}
