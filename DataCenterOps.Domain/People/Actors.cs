using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.People;

/// <summary>Builds an <see cref="Actor"/> from what the database says now (not from a possibly stale cookie).</summary>
public static class Actors
{
    public static async Task<Actor> LoadAsync(DataCenterOpsDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var roles = await RolesOfAsync(db, userId, cancellationToken);
        return new Actor(userId, roles) { Sites = await SitesOfAsync(db, userId, cancellationToken) };
    }

    /// <summary>The sites the person is limited to, or null for every site (no user-site rows).</summary>
    public static async Task<IReadOnlyCollection<Guid>?> SitesOfAsync(DataCenterOpsDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var sites = await db.UserSites.Where(s => s.UserId == userId).Select(s => s.SiteId).ToListAsync(cancellationToken);
        return sites.Count == 0 ? null : sites;
    }

    public static async Task<IReadOnlyList<string>> RolesOfAsync(DataCenterOpsDbContext db, string userId, CancellationToken cancellationToken = default) =>
        await (from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               where ur.UserId == userId
               select r.Name!).ToListAsync(cancellationToken);

    public static Task<bool> HasRoleAsync(DataCenterOpsDbContext db, string userId, string role, CancellationToken cancellationToken = default) =>
        (from ur in db.UserRoles
         join r in db.Roles on ur.RoleId equals r.Id
         where ur.UserId == userId && r.Name == role
         select ur).AnyAsync(cancellationToken);

    /// <summary>Everyone holding <paramref name="role"/>, by name.</summary>
    public static async Task<IReadOnlyList<AppUser>> InRoleAsync(DataCenterOpsDbContext db, string role, CancellationToken cancellationToken = default) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == role
               orderby u.FullName
               select u).ToListAsync(cancellationToken);
}
