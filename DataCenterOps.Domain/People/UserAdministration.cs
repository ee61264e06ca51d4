using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Persistence;
using Microsoft.AspNetCore.Identity;

namespace DataCenterOps.Domain.People;

/// <summary>
/// Changes to accounts (create, roles, disable): each re-reads the acting person's roles from the database first
/// (only an Administrator may), runs the change through Identity's <see cref="UserManager{TUser}"/>, and audits it.
/// </summary>
public sealed class UserAdministration(DataCenterOpsDbContext db, UserManager<AppUser> users, AuditLog audit)
{
    /// <summary>Null when the actor is not an Administrator (nothing changed); else Identity's result of the change.</summary>
    public async Task<IdentityResult?> ChangeAsync(
        string actorId, Func<UserManager<AppUser>, Task<IdentityResult>> change, string action, string entityId, CancellationToken cancellationToken = default)
    {
        var actor = await Actors.LoadAsync(db, actorId, cancellationToken);
        if (!actor.IsIn(Roles.Administrator))
        {
            return null;
        }

        var result = await change(users);
        if (result.Succeeded)
        {
            audit.Write(actor, action, nameof(AppUser), entityId, null, null);
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }
}
