using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Sites;

/// <summary>What the screens read about sites: all of them, and those a person's roles reach.</summary>
public sealed class SiteQueries(DataCenterOpsDbContext db)
{
    /// <summary>Every site, the default first, then by code.</summary>
    public async Task<IReadOnlyList<Site>> AllAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.Sites.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(s => !s.IsDefault).ThenBy(s => s.Code, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The sites the person's roles reach (every site for a person without user-site rows).</summary>
    public async Task<IReadOnlyList<Site>> VisibleToAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return [.. (await AllAsync(cancellationToken)).Where(s => actor.WorksAt(s.Id))];
    }

    /// <summary>Everyone's site limits, by user id (a person without an entry works at every site).</summary>
    public async Task<Dictionary<string, List<Guid>>> AllLimitsAsync(CancellationToken cancellationToken = default) =>
        (await db.UserSites.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(s => s.UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => s.SiteId).ToList(), StringComparer.Ordinal);

    /// <summary>The person's site limits: site ids, empty for every site.</summary>
    public async Task<IReadOnlyList<Guid>> LimitsOfAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.UserSites.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.SiteId).ToListAsync(cancellationToken);
}
