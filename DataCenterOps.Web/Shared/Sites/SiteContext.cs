using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Sites;

namespace DataCenterOps.Web.Shared.Sites;

/// <summary>
/// The site this circuit shows (every screen is for one site), chosen by <c>?site=CODE</c> or the site cookie, and
/// the sites the signed-in person may switch between. Scoped: one per circuit, set once by <c>Routes</c>. With a
/// single site, or a person limited to one, nothing about sites is shown at all.
/// </summary>
public sealed class SiteContext(IServiceScopeFactory scopes)
{
    /// <summary>The cookie that remembers the chosen site between visits.</summary>
    public const string CookieName = "DataCenterOps.Site";

    /// <summary>The query parameter that opens a screen at a site.</summary>
    public const string QueryName = "site";

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
    public async Task LoadAsync(string userId, string? requestedCode, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var actor = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>().ActorAsync(userId, cancellationToken);
        var queries = scope.ServiceProvider.GetRequiredService<SiteQueries>();
        var all = await queries.AllAsync(cancellationToken);
        var visible = all.Where(s => actor.WorksAt(s.Id)).ToList();
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
