using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Access;

/// <summary>
/// One-off authorisations: a Pengawas lets a staff member without a Surat Tugas into one site's room once, with a
/// reason. A Pengawas whose roles are limited to some sites grants, lists and revokes only theirs, and only for
/// people who work at that site.
/// </summary>
public sealed class AccessGrantService(DataCenterOpsDbContext db, TimeProvider time, AccessChanges changes, AuditLog audit)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<AccessGrant> GrantAsync(Actor actor, NewGrant input, CancellationToken cancellationToken = default)
    {
        AccessGuard.Role(actor.IsIn(Roles.Supervisor), "Granting a one-off authorisation", Roles.Supervisor);
        var reason = AccessGuard.Text(input.Reason, 1000, "Reason");
        if (input.ValidForHours is < 1 or > 24)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, "A one-off authorisation lasts between 1 and 24 hours.", "GrantDuration", 1, 24);
        }

        var siteId = input.SiteId ?? Site.DefaultId;
        AccessGuard.Site(actor, siteId);
        AccessGuard.Found(await db.Sites.AnyAsync(s => s.Id == siteId, cancellationToken) ? input : null, "The site");
        var user = await AccessGuard.UserAsync(db, input.UserId, "The staff member", cancellationToken);
        AccessGuard.NotOwnAccess(actor, user.Id, "GrantOwnAccess", "A Pengawas cannot grant himself access to the DC room; another Pengawas must.");
        if (!await WorksAtAsync(user.Id, siteId, cancellationToken))
        {
            throw new AccessRuleViolationException(AccessError.OtherSite, $"{user.DisplayName} works at another site; a one-off authorisation is for this site's people.", "GranteeOtherSite", user.DisplayName);
        }

        var now = Now;
        var grant = new AccessGrant
        {
            SiteId = siteId,
            UserId = user.Id,
            Reason = reason,
            GrantedById = actor.UserId,
            GrantedAtUtc = now,
            ValidFromUtc = now,
            ValidUntilUtc = now.AddHours(input.ValidForHours),
        };
        db.Set<AccessGrant>().Add(grant);
        audit.Write(actor, "AccessGrantIssued", nameof(AccessGrant), grant.Id.ToString(), null, Snapshot(grant, user.DisplayName));
        await AccessGuard.SaveAsync(db, cancellationToken);
        changes.Notify();
        return grant;
    }

    public async Task<AccessGrant> RevokeAsync(Actor actor, Guid grantId, string reason, CancellationToken cancellationToken = default)
    {
        AccessGuard.Role(actor.IsIn(Roles.Supervisor), "Revoking a one-off authorisation", Roles.Supervisor);
        var text = AccessGuard.Text(reason, 1000, "Reason");
        var grant = AccessGuard.Found(await db.Set<AccessGrant>().FirstOrDefaultAsync(g => g.Id == grantId, cancellationToken), "The one-off authorisation");
        AccessGuard.Site(actor, grant.SiteId);
        Revoke(actor, grant, text);
        await AccessGuard.SaveAsync(db, cancellationToken);
        changes.Notify();
        return grant;
    }

    /// <summary>The grants of <paramref name="siteId"/>'s room (null = the default site), newest first; <paramref name="openOnly"/>: neither used, revoked nor ended.</summary>
    public async Task<IReadOnlyList<AccessGrant>> ListAsync(Actor actor, Guid? siteId, bool openOnly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var site = siteId ?? Site.DefaultId;
        AccessGuard.Site(actor, site);
        var now = Now;
        var query = db.Set<AccessGrant>().AsNoTracking().Where(g => g.SiteId == site);
        if (openOnly)
        {
            query = query.Where(g => g.UsedByEntryId == null && g.RevokedAtUtc == null && g.ValidUntilUtc >= now);
        }

        return await query.OrderByDescending(g => g.GrantedAtUtc).Take(1000).ToListAsync(cancellationToken);
    }

    /// <summary>The people a grant for <paramref name="siteId"/>'s room (null = the default site) may name: those who work at that site, by name.</summary>
    public async Task<IReadOnlyList<AppUser>> GranteesAsync(Actor actor, Guid? siteId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var site = siteId ?? Site.DefaultId;
        AccessGuard.Site(actor, site);
        return await db.Users.AsNoTracking()
            .Where(u => !db.UserSites.Any(s => s.UserId == u.Id) || db.UserSites.Any(s => s.UserId == u.Id && s.SiteId == site))
            .OrderBy(u => u.FullName)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks the grant revoked and audits it; the caller saves (the review revokes several in one save).</summary>
    internal void Revoke(Actor actor, AccessGrant grant, string reason)
    {
        if (grant.RevokedAtUtc is not null)
        {
            throw new AccessRuleViolationException(AccessError.CannotRevoke, "This one-off authorisation is already revoked.", "GrantAlreadyRevoked");
        }

        if (grant.UsedByEntryId is not null)
        {
            throw new AccessRuleViolationException(AccessError.CannotRevoke, "This one-off authorisation was already used; void or correct the entry instead.", "GrantAlreadyUsed");
        }

        var before = Snapshot(grant, null);
        grant.RevokedAtUtc = Now;
        grant.RevokedById = actor.UserId;
        grant.RevocationReason = reason;
        audit.Write(actor, "AccessGrantRevoked", nameof(AccessGrant), grant.Id.ToString(), before, Snapshot(grant, null));
    }

    // A person without user-site rows works at every site.
    private async Task<bool> WorksAtAsync(string userId, Guid siteId, CancellationToken cancellationToken) =>
        !await db.UserSites.AnyAsync(s => s.UserId == userId, cancellationToken)
        || await db.UserSites.AnyAsync(s => s.UserId == userId && s.SiteId == siteId, cancellationToken);

    private static object Snapshot(AccessGrant g, string? name) => new
    {
        g.SiteId, g.UserId, Name = name, g.Reason, g.ValidFromUtc, g.ValidUntilUtc, g.UsedByEntryId, g.RevokedAtUtc, g.RevocationReason,
    };
}
