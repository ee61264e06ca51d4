using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Tenants;

/// <summary>
/// Visit permits for tenants: requested by the Pengelola or the tenant, decided once by the Pengawas (or his Plh./Plt.);
/// request and decision are audited and append-only.
/// </summary>
public sealed class VisitPermitService(DataCenterOpsDbContext db, TimeProvider time, AuditLog audit)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<VisitPermit> RequestAsync(Actor actor, NewVisitPermit input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var tenant = AccessGuard.Found(await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == input.TenantId, cancellationToken), "The tenant");
        await TenantGuard.MayRequestAsync(db, actor, tenant.Id, cancellationToken);
        AccessGuard.Site(actor, tenant.SiteId);
        var now = Now;
        var checkedInput = TenantGuard.Check(input, now);
        var permit = new VisitPermit
        {
            TenantId = tenant.Id,
            FromUtc = checkedInput.FromUtc,
            UntilUtc = checkedInput.UntilUtc,
            Purpose = checkedInput.Purpose,
            RequestedById = actor.UserId,
            RequestedAtUtc = now,
        };
        permit.Persons = [.. checkedInput.Persons.Select(name => new VisitPermitPerson { PermitId = permit.Id, Name = name })];
        db.VisitPermits.Add(permit);
        audit.Write(actor, "VisitPermitRequested", nameof(VisitPermit), permit.Id.ToString(), null, new
        {
            permit.TenantId, tenant.Code, permit.FromUtc, permit.UntilUtc, permit.Purpose, Persons = checkedInput.Persons,
        });
        await AccessGuard.SaveAsync(db, cancellationToken);
        return permit;
    }

    /// <summary>Approves or refuses (a reason required) a requested permit; once.</summary>
    public async Task<VisitPermitDecision> DecideAsync(Actor actor, Guid permitId, bool approve, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var permit = AccessGuard.Found(await db.VisitPermits.Include(p => p.Decision).FirstOrDefaultAsync(p => p.Id == permitId, cancellationToken), "The visit permit");
        var now = Now;
        var standIn = await TenantGuard.DeciderAsync(db, actor, permit, now, cancellationToken);
        await SiteAsync(actor, permit, cancellationToken);
        if (permit.Decision is not null)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, "This visit permit has been decided already.", "PermitAlreadyDecided");
        }

        if (approve && permit.UntilUtc <= now)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, "This visit permit's period is over.", "PermitInPast");
        }

        var decision = new VisitPermitDecision
        {
            PermitId = permit.Id,
            Approved = approve,
            Reason = approve ? AccessGuard.OptionalText(reason, 1000, "Reason") : AccessGuard.Text(reason, 1000, "Reason"),
            DecidedById = actor.UserId,
            DecidedAtUtc = now,
            StandInId = standIn?.Id,
        };
        db.Add(decision);
        audit.Write(actor, approve ? "VisitPermitApproved" : "VisitPermitRefused", nameof(VisitPermit), permit.Id.ToString(), null, new
        {
            decision.Approved, decision.Reason, decision.StandInId, StandInKind = standIn?.Kind.ToString(), ActingFor = standIn?.PrincipalId,
        });
        await AccessGuard.SaveAsync(db, cancellationToken);
        return decision;
    }

    /// <summary>
    /// Cancels an approved permit before its period ends (before or within it), with a reason; once. The permit stays as
    /// it was: the cancellation is a row of its own (append-only), and from then on the desk admits no visit on it.
    /// </summary>
    public async Task<VisitPermitCancellation> CancelAsync(Actor actor, Guid permitId, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var permit = AccessGuard.Found(
            await db.VisitPermits.Include(p => p.Decision).Include(p => p.Cancellation).FirstOrDefaultAsync(p => p.Id == permitId, cancellationToken),
            "The visit permit");
        var now = Now;
        var standIn = await TenantGuard.CancellerAsync(db, actor, now, cancellationToken);
        await SiteAsync(actor, permit, cancellationToken);
        switch (permit.State)
        {
            case VisitPermitState.Cancelled:
                throw new AccessRuleViolationException(AccessError.InvalidInput, "This visit permit has been cancelled already.", "PermitAlreadyCancelled");
            case not VisitPermitState.Approved:
                throw new AccessRuleViolationException(AccessError.InvalidInput, "Only an approved visit permit can be cancelled.", "PermitCancelNotApproved");
        }

        if (permit.UntilUtc <= now)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, "This visit permit's period is over.", "PermitInPast");
        }

        var cancellation = new VisitPermitCancellation
        {
            PermitId = permit.Id,
            Reason = AccessGuard.Text(reason, 1000, "Reason"),
            CancelledById = actor.UserId,
            CancelledAtUtc = now,
            StandInId = standIn?.Id,
        };
        db.Add(cancellation);

        // Nobody is let out automatically: those still inside on the permit are named here, flagged on the register and
        // raised as an access alarm for the site until the desk records each exit.
        var inside = await (from e in db.Set<AccessEntry>().AsNoTracking()
                            join v in db.TenantVisits on e.Id equals v.EntryId
                            where v.PermitId == permit.Id && e.Status == AccessEntryStatus.Inside
                            select e.PersonName).ToListAsync(cancellationToken);
        audit.Write(actor, "VisitPermitCancelled", nameof(VisitPermit), permit.Id.ToString(), new { State = permit.State.ToString() }, new
        {
            State = nameof(VisitPermitState.Cancelled), cancellation.Reason, cancellation.StandInId, StandInKind = standIn?.Kind.ToString(), ActingFor = standIn?.PrincipalId,
            PersonsInside = inside,
        });
        await AccessGuard.SaveAsync(db, cancellationToken);
        return cancellation;
    }

    /// <summary>A permit is decided and cancelled only by someone whose roles reach its tenant's site.</summary>
    private async Task SiteAsync(Actor actor, VisitPermit permit, CancellationToken cancellationToken) =>
        AccessGuard.Site(actor, await db.Tenants.AsNoTracking().Where(t => t.Id == permit.TenantId).Select(t => t.SiteId).FirstAsync(cancellationToken));
}
