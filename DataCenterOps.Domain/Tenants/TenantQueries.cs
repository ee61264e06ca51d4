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

    /// <summary>
    /// Those registered inside the DC room now on <paramref name="permitId"/>, earliest first (after a cancellation: the
    /// people to ask to leave; the desk records each exit); none when <paramref name="actor"/>'s roles do not reach its tenant's site.
    /// </summary>
    public async Task<IReadOnlyList<AccessEntry>> InsideOnPermitAsync(Actor actor, Guid permitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var site = await (from p in db.VisitPermits
                          join t in db.Tenants on p.TenantId equals t.Id
                          where p.Id == permitId
                          select (Guid?)t.SiteId).FirstOrDefaultAsync(cancellationToken);
        if (site is not { } siteId || !actor.WorksAt(siteId) || !actor.Roles.Any(Roles.Staff.Contains))
        {
            return [];
        }

        return await (from e in db.Set<AccessEntry>().AsNoTracking()
                      join v in db.TenantVisits on e.Id equals v.EntryId
                      where v.PermitId == permitId && e.Status == AccessEntryStatus.Inside
                      orderby e.InAtUtc
                      select e).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// For each cancelled permit of a tenant at <paramref name="siteId"/>, those still registered inside on it (only
    /// permits with someone inside), earliest first; none when <paramref name="actor"/>'s roles do not reach the site.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<AccessEntry>>> InsideOnCancelledPermitsAsync(Actor actor, Guid siteId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.WorksAt(siteId) || !actor.Roles.Any(Roles.Staff.Contains))
        {
            return new Dictionary<Guid, IReadOnlyList<AccessEntry>>();
        }

        var rows = await (from e in db.Set<AccessEntry>().AsNoTracking()
                          join v in db.TenantVisits on e.Id equals v.EntryId
                          join t in db.Tenants on v.TenantId equals t.Id
                          where t.SiteId == siteId && e.Status == AccessEntryStatus.Inside && db.Set<VisitPermitCancellation>().Any(c => c.PermitId == v.PermitId)
                          select new { v.PermitId, Entry = e }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PermitId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AccessEntry>)[.. g.Select(r => r.Entry).OrderBy(e => e.InAtUtc)]);
    }

    /// <summary>
    /// The staff who may escort a tenant's visit at <paramref name="siteId"/>, by name: data center staff (no tenant
    /// account) who work at that site (no site limit, or limited to it among others); none when <paramref name="actor"/>'s
    /// roles do not reach it. The desk still refuses an escort who is not registered inside there.
    /// </summary>
    public async Task<IReadOnlyList<AppUser>> EscortsAsync(Actor actor, Guid siteId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.WorksAt(siteId))
        {
            return [];
        }

        var staffRoles = Roles.Staff.ToList();
        var staff = await (from u in db.Users.AsNoTracking()
                           where db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && staffRoles.Contains(r.Name!)))
                               && !db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Tenant))
                               && !db.TenantUsers.Any(t => t.UserId == u.Id)
                               && (!db.UserSites.Any(s => s.UserId == u.Id) || db.UserSites.Any(s => s.UserId == u.Id && s.SiteId == siteId))
                           select u).ToListAsync(cancellationToken);
        return [.. staff.OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)];
    }

    /// <summary>Approved permits valid at <paramref name="instantUtc"/>, for the desk registering a tenant's visit.</summary>
    public async Task<IReadOnlyList<VisitPermit>> ValidAtAsync(DateTime instantUtc, CancellationToken cancellationToken = default) =>
        [.. (await db.VisitPermits.AsNoTracking().Include(p => p.Persons).Include(p => p.Decision).Include(p => p.Cancellation)
                .Where(p => p.FromUtc <= instantUtc && p.UntilUtc >= instantUtc).ToListAsync(cancellationToken))
            .Where(p => p.IsValidAt(instantUtc))];
}
