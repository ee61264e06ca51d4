using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.Sites;

namespace DataCenterOps.Domain.People;

/// <summary>
/// One read of what every screen's frame shows about people and sites: display names, security stamps, each person's
/// site limits, the sites (the default first, then by code, as <see cref="SiteQueries.AllAsync"/>), and the delegations
/// not yet over when it was read (the menu's Pengawas duties). Read-only, shared.
/// </summary>
public sealed class DirectoryView(
    IReadOnlyList<Site> sites,
    IReadOnlyDictionary<string, string> names,
    IReadOnlyDictionary<string, string?> stamps,
    IReadOnlyDictionary<string, IReadOnlyCollection<Guid>> limits,
    IReadOnlyList<StandIn> standIns,
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

    /// <summary>
    /// Whether the person stands in for a Pengawas at <paramref name="now"/>, as <see cref="StandIn.IsActiveAt"/>: the
    /// view holds every delegation not over when it was read, so one that begins or runs out later is judged by the clock.
    /// </summary>
    public bool IsStandingIn(string userId, DateTimeOffset now)
    {
        var at = now.UtcDateTime;
        foreach (var standIn in standIns)
        {
            if (string.Equals(standIn.DelegateId, userId, StringComparison.Ordinal) && standIn.IsActiveAt(at))
            {
                return true;
            }
        }

        return false;
    }

    internal bool Knows(string userId, string securityStamp) =>
        stamps.TryGetValue(userId, out var stamp) && string.Equals(stamp, securityStamp, StringComparison.Ordinal);
}
