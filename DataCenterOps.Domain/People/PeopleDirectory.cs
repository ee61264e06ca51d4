using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.People;

/// <summary>Who is who, read now from the database: the acting person with their current roles, and display names.</summary>
public sealed class PeopleDirectory(DataCenterOpsDbContext db)
{
    /// <summary>The person as an <see cref="Actor"/> with the roles the database holds now (not the cookie's); nobody for an empty id.</summary>
    public async Task<Actor> ActorAsync(string? userId, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(userId) ? new Actor("", []) : await Actors.LoadAsync(db, userId, cancellationToken);

    /// <summary>Display names of everyone, by user id (a DC team is small).</summary>
    public async Task<Dictionary<string, string>> NamesAsync(CancellationToken cancellationToken = default) =>
        (await db.Users.AsNoTracking().Select(u => new { u.Id, u.FullName, u.UserName }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.FullName) ? u.UserName ?? u.Id : u.FullName);

    /// <summary>Display names and NIPs of everyone, by user id, for the approval blocks of a printed Laporan.</summary>
    public async Task<(Dictionary<string, string> Names, Dictionary<string, string?> Nips)> NamesAndNipsAsync(CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        return (users.ToDictionary(u => u.Id, u => u.DisplayName), users.ToDictionary(u => u.Id, u => u.Nip));
    }

    public Task<IReadOnlyList<AppUser>> InRoleAsync(string role, CancellationToken cancellationToken = default) =>
        Actors.InRoleAsync(db, role, cancellationToken);

    public Task<IReadOnlyList<string>> RolesOfAsync(string userId, CancellationToken cancellationToken = default) =>
        Actors.RolesOfAsync(db, userId, cancellationToken);

    public Task<bool> HasRoleAsync(string userId, string role, CancellationToken cancellationToken = default) =>
        Actors.HasRoleAsync(db, userId, role, cancellationToken);

    /// <summary>Every account with its roles, by e-mail, for user administration.</summary>
    public async Task<List<(AppUser User, IReadOnlyList<string> Roles)>> UsersWithRolesAsync(CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return [.. users.Select(u => (u, (IReadOnlyList<string>)[.. byUser[u.Id]]))];
    }
}
