using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Access;

/// <summary>The reads of the register: who is inside, the log, its audited export, refusals and corrections.</summary>
public sealed partial class AccessRegisterService
{
    /// <summary>Everyone registered inside now, earliest first: in the room of <paramref name="siteId"/>, or of every site when null.</summary>
    public async Task<IReadOnlyList<AccessEntry>> GetInsideAsync(Guid? siteId = null, CancellationToken cancellationToken = default) =>
        await Entries.AsNoTracking().Include(e => e.Equipment)
            .Where(e => e.Status == AccessEntryStatus.Inside && (siteId == null || e.SiteId == siteId))
            .OrderBy(e => e.InAtUtc)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The entries inside the room of <paramref name="siteId"/> now on a tenant's visit permit that the Pengawas has
    /// cancelled: the register flags them until the desk records their exit (there is no automatic exit).
    /// </summary>
    public async Task<IReadOnlySet<Guid>> GetInsideOnCancelledPermitsAsync(Guid siteId, CancellationToken cancellationToken = default) =>
        (await (from e in Entries
                join v in db.TenantVisits on e.Id equals v.EntryId
                where e.Status == AccessEntryStatus.Inside && e.SiteId == siteId && db.Set<Tenants.VisitPermitCancellation>().Any(c => c.PermitId == v.PermitId)
                select e.Id).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>Entries whose stay overlaps the period, matching person and letter; newest first, at most 5000.</summary>
    public async Task<IReadOnlyList<AccessEntry>> SearchAsync(AccessLogFilter filter, CancellationToken cancellationToken = default)
    {
        var query = Entries.AsNoTracking().Include(e => e.Equipment).AsQueryable();
        if (filter.SiteIds is { } siteIds)
        {
            var ids = siteIds.ToList();
            query = query.Where(e => ids.Contains(e.SiteId));
        }

        if (filter.ToUtc is { } to)
        {
            query = query.Where(e => e.InAtUtc < to);
        }

        if (filter.FromUtc is { } from)
        {
            query = query.Where(e => e.OutAtUtc == null || e.OutAtUtc >= from);
        }

        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            // Lower-cased on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
            var pattern = "%" + filter.Person.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() + "%";
            query = query.Where(e => EF.Functions.Like(e.PersonName.ToLower(), pattern) || EF.Functions.Like(e.Organisation!.ToLower(), pattern)
                || EF.Functions.Like(e.IdNumber!.ToLower(), pattern) || e.UserId == filter.Person || EF.Functions.Like(e.EscortName!.ToLower(), pattern));
        }

        if (filter.LetterId is { } letterId)
        {
            query = query.Where(e => e.LetterId == letterId);
        }

        if (!filter.IncludeVoided)
        {
            query = query.Where(e => e.Status != AccessEntryStatus.Voided);
        }

        return await query.OrderByDescending(e => e.InAtUtc).Take(5000).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The log for an export (CSV or PDF): the same search, and an audit entry saying who exported which range and how
    /// many rows (UU 27/2022: every export of personal data is recorded).
    /// </summary>
    public async Task<IReadOnlyList<AccessEntry>> ExportAsync(Actor actor, AccessLogFilter filter, string format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        AccessGuard.Role(AccessRoles.CanRead(actor), "Exporting the access log", AccessRoles.Readers);
        // Only the rooms of sites the person's roles reach: asking for another site's is refused, asking for none is theirs.
        foreach (var siteId in filter.SiteIds ?? [])
        {
            AccessGuard.Site(actor, siteId);
        }

        filter = filter.SiteIds is null && actor.Sites is { } own ? filter with { SiteIds = own } : filter;
        var entries = await SearchAsync(filter, cancellationToken);
        var range = $"{filter.FromUtc:O}..{filter.ToUtc:O}";
        audit.Write(actor, "PersonalDataExported", "AccessLog", range, null, new
        {
            Format = format, filter.FromUtc, filter.ToUtc, filter.Person, filter.LetterId, filter.SiteIds, Rows = entries.Count,
        });
        await AccessGuard.SaveAsync(db, cancellationToken);
        return entries;
    }

    /// <summary>
    /// One entry as its page shows it: the visitor's identity-card number in full only for the Pengawas and the
    /// Administrator (UU 27/2022), masked for everyone else; null when unknown.
    /// </summary>
    public async Task<AccessEntry?> GetEntryAsync(Actor actor, Guid entryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        AccessGuard.Role(AccessRoles.CanRead(actor), "Reading the access log", AccessRoles.Readers);
        var entry = await Entries.AsNoTracking().Include(e => e.Equipment).FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is not null && !actor.WorksAt(entry.SiteId))
        {
            return null; // another site's room: as unknown as an id that does not exist
        }

        if (entry is not null && !PersonalData.MaySeeFullIdNumber(actor))
        {
            entry.IdNumber = PersonalData.MaskIdNumber(entry.IdNumber);
        }

        return entry;
    }

    /// <summary>Refused entries in the period, at the room of <paramref name="siteId"/> (every site when null), newest first.</summary>
    public async Task<IReadOnlyList<AccessRefusal>> GetRefusalsAsync(DateTime fromUtc, DateTime toUtc, Guid? siteId = null, CancellationToken cancellationToken = default) =>
        await db.Set<AccessRefusal>().AsNoTracking()
            .Where(r => r.AtUtc >= fromUtc && r.AtUtc < toUtc && (siteId == null || r.SiteId == siteId))
            .OrderByDescending(r => r.AtUtc)
            .Take(5000)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AccessEntryCorrection>> GetCorrectionsAsync(Guid entryId, CancellationToken cancellationToken = default) =>
        await db.Set<AccessEntryCorrection>().AsNoTracking()
            .Where(c => c.EntryId == entryId)
            .OrderBy(c => c.AtUtc)
            .ToListAsync(cancellationToken);

    /// <summary>The user list, by name, for the desk to pick from.</summary>
    public async Task<IReadOnlyList<AppUser>> GetStaffAsync(CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking().OrderBy(u => u.FullName).ToListAsync(cancellationToken);

    /// <summary>Issued letters for the room of <paramref name="siteId"/> (null = the default site) valid now that name <paramref name="userId"/>, for the desk to choose from.</summary>
    public async Task<IReadOnlyList<AssignmentLetter>> GetValidLettersAsync(string userId, Guid? siteId = null, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var letters = await CandidateLetters(userId, siteId ?? Sites.Site.DefaultId, now).ToListAsync(cancellationToken);
        return [.. letters.Where(l => l.Authorises(userId, now))];
    }
}
