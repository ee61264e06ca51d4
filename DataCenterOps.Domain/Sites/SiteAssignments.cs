using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Sites;

/// <summary>Limits a person's roles to some sites (the Administrator only, audited). No sites = every site.</summary>
public sealed class SiteAssignments(DataCenterOpsDbContext db, UserManager<AppUser> users, AuditLog audit)
{
    public async Task LimitAsync(Actor actor, string userId, IReadOnlyCollection<Guid> siteIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(siteIds);
        SopGuard.Person(actor.IsIn(Roles.Administrator), SopError.WrongRole, "LimitSitesNeedsRole", "Only the Administrator may limit a person to sites.");
        var user = SopGuard.Found(await users.FindByIdAsync(userId), "The person");
        // A tenant's account holds no staff role, so there is nothing to limit: its portal shows its own tenant only.
        SopGuard.Person(!(await Actors.RolesOfAsync(db, user.Id, cancellationToken)).Contains(Roles.Tenant), SopError.InvalidInput, "TenantAccountHasNoSites",
            "A tenant's account has no staff role and so no site limits.");
        var wanted = siteIds.Distinct().ToList();
        if (await db.Sites.CountAsync(s => wanted.Contains(s.Id), cancellationToken) != wanted.Count)
        {
            throw new SopRuleViolationException(SopError.NotFound, "The site was not found.", "NotFound", "The site");
        }

        var current = await db.UserSites.Where(s => s.UserId == user.Id).ToListAsync(cancellationToken);
        var before = current.Select(s => s.SiteId).Order().ToList();
        db.UserSites.RemoveRange(current.Where(s => !wanted.Contains(s.SiteId)));
        db.UserSites.AddRange(wanted.Where(id => before.All(b => b != id)).Select(id => new UserSite { UserId = user.Id, SiteId = id }));
        audit.Write(actor, "UserSitesChanged", nameof(AppUser), user.Id, new { Sites = before }, new { Sites = wanted.Order().ToList() });
        await SopGuard.SaveAsync(db, cancellationToken);
        // Like a change of roles: cookies issued before it are refused, open pages end.
        await users.UpdateSecurityStampAsync(user);
    }
}
