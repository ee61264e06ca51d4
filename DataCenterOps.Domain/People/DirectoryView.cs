using DataCenterOps.Domain.Sites;

namespace DataCenterOps.Domain.People;

/// <summary>
/// One read of what every screen's frame shows about people and sites: display names, security stamps, each person's
/// site limits, and the sites (the default first, then by code, as <see cref="SiteQueries.AllAsync"/>). Read-only, shared.
/// </summary>
public sealed class DirectoryView(
    IReadOnlyList<Site> sites,
    IReadOnlyDictionary<string, string> names,
    IReadOnlyDictionary<string, string?> stamps,
    IReadOnlyDictionary<string, IReadOnlyCollection<Guid>> limits,
    long version,
    DateTimeOffset loadedAt)
{
    public IReadOnlyList<Site> Sites => sites;

    /// <summary>The <see cref="DirectoryChanges.Version"/> this view was read at.</summary>
    public long Version => version;

    public DateTimeOffset LoadedAt => loadedAt;

    /// <summary>The person's display name (full name, else the account), as <see cref="PeopleDirectory.NamesAsync"/>; null for an unknown id.</summary>
    public string? NameOf(string userId) => names.GetValueOrDefault(userId);

    /// <summary>The sites the person is limited to, or null for every site (no user-site rows), as <see cref="Actor.Sites"/>.</summary>
    public IReadOnlyCollection<Guid>? SitesOf(string userId) => limits.GetValueOrDefault(userId);

    internal bool Knows(string userId, string securityStamp) =>
        stamps.TryGetValue(userId, out var stamp) && string.Equals(stamp, securityStamp, StringComparison.Ordinal);
}
