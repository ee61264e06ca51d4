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
}
