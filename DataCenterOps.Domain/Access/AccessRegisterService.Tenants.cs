using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Access;

/// <summary>A co-location tenant's visit: on an approved permit valid now, a person it names, under a staff escort who is inside.</summary>
public sealed partial class AccessRegisterService
{
    public async Task<AccessEntry> RegisterTenantVisitAsync(Actor actor, TenantVisitInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        AccessGuard.Role(AccessRoles.CanRegister(actor), "Registering an entry", AccessRoles.Registrars);
        var permit = AccessGuard.Found(
            await db.VisitPermits.AsNoTracking().Include(p => p.Persons).Include(p => p.Decision).Include(p => p.Cancellation).FirstOrDefaultAsync(p => p.Id == input.PermitId, cancellationToken),
            "The visit permit");
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == permit.TenantId, cancellationToken);
        AccessGuard.Site(actor, tenant.SiteId);
        var visitor = new VisitorEntryInput(input.Name, tenant.Name, input.IdType, input.IdNumber, input.IdHeldAtDesk, tenant.Name, input.Purpose,
            input.EscortUserId, input.EquipmentIn);
        var entry = await VisitorEntryAsync(actor, visitor, async attempt =>
        {
            attempt.SiteId = tenant.SiteId;
            if (permit.State == VisitPermitState.Cancelled)
            {
                throw await RefuseAsync(actor, attempt, AccessError.NoValidAuthorisation, "The visit permit has been cancelled by the Pengawas.",
                    new("PermitCancelled", []), cancellationToken);
            }

            if (permit.State != VisitPermitState.Approved)
            {
                throw await RefuseAsync(actor, attempt, AccessError.NoValidAuthorisation, "The visit permit has not been approved by the Pengawas.",
                    new("PermitNotApproved", []), cancellationToken);
            }

            if (!permit.IsValidAt(attempt.InAtUtc))
            {
                throw await RefuseAsync(actor, attempt, AccessError.NoValidAuthorisation, "The visit permit is not valid now (outside its period).",
                    new("PermitNotValidNow", []), cancellationToken);
            }

            if (!permit.Names(attempt.PersonName))
            {
                throw await RefuseAsync(actor, attempt, AccessError.NoValidAuthorisation, $"{attempt.PersonName} is not named on the visit permit.",
                    new("PersonNotOnPermit", [attempt.PersonName]), cancellationToken);
            }

            if (string.IsNullOrWhiteSpace(input.EscortUserId))
            {
                throw await RefuseAsync(actor, attempt, AccessError.EscortNotInside, "A tenant's visit is always under escort: name the escort.",
                    new("TenantVisitNeedsEscort", []), cancellationToken);
            }

            if (!await TenantGuard.IsStaffAsync(db, input.EscortUserId, cancellationToken))
            {
                throw await RefuseAsync(actor, attempt, AccessError.EscortNotAuthorised, "The escort of a tenant's visit must be data center staff.",
                    new("EscortNotStaff", []), cancellationToken);
            }
        }, cancellationToken);
        db.TenantVisits.Add(new TenantVisit { EntryId = entry.Id, TenantId = tenant.Id, PermitId = permit.Id });
        return await AddAsync(actor, entry, cancellationToken);
    }
}
