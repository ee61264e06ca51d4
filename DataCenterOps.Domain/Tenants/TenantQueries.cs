using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Tenants;

/// <summary>
/// What the screens read about tenants. The portal's reads take the tenant from the account's own tenant link in the
/// database, never from the request: a tenant's account cannot ask for another tenant's rows.
/// </summary>
public sealed class TenantQueries(DataCenterOpsDbContext db)
{
    /// <summary>Every tenant with its contacts, by code (staff screens).</summary>
    public async Task<IReadOnlyList<Tenant>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.Tenants.AsNoTracking().Include(t => t.Contacts).OrderBy(t => t.Code).ToListAsync(cancellationToken);

    /// <summary>The tenants hosted at <paramref name="siteId"/>, by code; none when <paramref name="actor"/>'s roles do not reach that site.</summary>
    public async Task<IReadOnlyList<Tenant>> AtSiteAsync(Actor actor, Guid siteId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.WorksAt(siteId)
            ? await db.Tenants.AsNoTracking().Include(t => t.Contacts).Where(t => t.SiteId == siteId).OrderBy(t => t.Code).ToListAsync(cancellationToken)
            : [];
    }

    /// <summary>Tenant accounts: user id → tenant id.</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> AccountsAsync(CancellationToken cancellationToken = default) =>
        await db.TenantUsers.AsNoTracking().ToDictionaryAsync(t => t.UserId, t => t.TenantId, StringComparer.Ordinal, cancellationToken);

    /// <summary>
    /// Permits, newest first: for a tenant account its own tenant's (whatever <paramref name="siteId"/> says); for staff
    /// those of the tenants at <paramref name="siteId"/> (null: at every site their roles reach), none at a site they do
    /// not reach; none for anyone else.
    /// </summary>
    public async Task<IReadOnlyList<VisitPermit>> PermitsAsync(Actor actor, Guid? siteId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var query = db.VisitPermits.AsNoTracking().Include(p => p.Persons).Include(p => p.Decision).Include(p => p.Cancellation).AsQueryable();
        if (!actor.Roles.Any(Roles.Staff.Contains) || actor.IsIn(Roles.Tenant))
        {
            var tenantId = await TenantGuard.TenantOfAsync(db, actor.UserId, cancellationToken);
            query = query.Where(p => p.TenantId == tenantId);
        }
        else
        {
            var sites = await db.Tenants.AsNoTracking().Select(t => new { t.Id, t.SiteId }).ToListAsync(cancellationToken);
            var tenantIds = sites.Where(t => (siteId is null || t.SiteId == siteId) && actor.WorksAt(t.SiteId)).Select(t => t.Id).ToList();
            query = query.Where(p => tenantIds.Contains(p.TenantId));
        }

        return [.. (await query.ToListAsync(cancellationToken)).OrderByDescending(p => p.RequestedAtUtc)];
    }

    /// <summary>The tenant portal of <paramref name="actor"/>; null when the account is not a tenant's.</summary>
    public async Task<TenantPortal?> PortalAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsIn(Roles.Tenant) || await TenantGuard.TenantOfAsync(db, actor.UserId, cancellationToken) is not { } tenantId)
        {
            return null;
        }

        var tenant = await db.Tenants.AsNoTracking().Include(t => t.Contacts).FirstAsync(t => t.Id == tenantId, cancellationToken);
        var equipment = await db.Equipment.AsNoTracking().Where(e => e.TenantId == tenantId).OrderBy(e => e.Kind).ThenBy(e => e.Name).ToListAsync(cancellationToken);
        var visits = await (from v in db.TenantVisits
                            join e in db.Set<AccessEntry>() on v.EntryId equals e.Id
                            where v.TenantId == tenantId
                            select new TenantVisitRow(e.Id, v.PermitId, e.PersonName, e.EscortName, e.InAtUtc, e.OutAtUtc, e.Status))
            .ToListAsync(cancellationToken);
        return new TenantPortal(tenant, equipment, await PermitsAsync(actor, null, cancellationToken), [.. visits.OrderByDescending(v => v.InAtUtc)]);
    }

    /// <summary>Approved permits valid at <paramref name="instantUtc"/>, for the desk registering a tenant's visit.</summary>
    public async Task<IReadOnlyList<VisitPermit>> ValidAtAsync(DateTime instantUtc, CancellationToken cancellationToken = default) =>
        [.. (await db.VisitPermits.AsNoTracking().Include(p => p.Persons).Include(p => p.Decision).Include(p => p.Cancellation)
                .Where(p => p.FromUtc <= instantUtc && p.UntilUtc >= instantUtc).ToListAsync(cancellationToken))
            .Where(p => p.IsValidAt(instantUtc))];
}
