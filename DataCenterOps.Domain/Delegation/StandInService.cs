using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Delegation;

/// <summary>A Pengawas delegates (and ends) his issuing and review; every delegation is audited.</summary>
public sealed class StandInService(DataCenterOpsDbContext db, TimeProvider time, AuditLog audit)
{
    public async Task<StandIn> DelegateAsync(Actor actor, NewStandIn input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var now = time.GetUtcNow().UtcDateTime;
        await StandInGuard.MayDelegateAsync(db, actor, input, now, cancellationToken);
        var standIn = new StandIn
        {
            PrincipalId = actor.UserId,
            DelegateId = input.DelegateId,
            Kind = input.Kind,
            FromUtc = input.FromUtc,
            UntilUtc = input.UntilUtc,
            Reason = SopGuard.Text(input.Reason, 1000, "Reason"),
            CreatedById = actor.UserId,
            CreatedAtUtc = now,
        };
        db.Set<StandIn>().Add(standIn);
        audit.Write(actor, "StandInDelegated", nameof(StandIn), standIn.Id.ToString(), null, Snapshot(standIn));
        await SopGuard.SaveAsync(db, cancellationToken);
        return standIn;
    }

    /// <summary>Ends a delegation now (the Pengawas is back, or someone was named to the office); the Pengawas who gave it or the Administrator.</summary>
    public async Task<StandIn> EndAsync(Actor actor, Guid standInId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var standIn = SopGuard.Found(await db.Set<StandIn>().FirstOrDefaultAsync(s => s.Id == standInId, cancellationToken), "The delegation");
        SopGuard.Person(standIn.PrincipalId == actor.UserId || actor.IsIn(Roles.Administrator), SopError.WrongRole, "OnlyPrincipalEndsStandIn",
            "Only the Pengawas who delegated (or the Administrator) may end this delegation.");
        var now = time.GetUtcNow().UtcDateTime;
        if (standIn.EndedAtUtc is not null || standIn.UntilUtc < now)
        {
            throw new SopRuleViolationException(SopError.IllegalTransition, "This delegation has already ended.", "StandInAlreadyEnded");
        }

        var before = Snapshot(standIn);
        standIn.EndedAtUtc = now;
        standIn.EndedById = actor.UserId;
        audit.Write(actor, "StandInEnded", nameof(StandIn), standIn.Id.ToString(), before, Snapshot(standIn));
        await SopGuard.SaveAsync(db, cancellationToken);
        return standIn;
    }

    /// <summary>Delegations given by or to <paramref name="userId"/>, and for the Administrator all, newest first.</summary>
    public async Task<IReadOnlyList<StandIn>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var all = actor.IsIn(Roles.Administrator);
        return await db.Set<StandIn>().AsNoTracking()
            .Where(s => all || s.PrincipalId == actor.UserId || s.DelegateId == actor.UserId)
            .OrderByDescending(s => s.FromUtc).ToListAsync(cancellationToken);
    }

    /// <summary>The Pengawas <paramref name="userId"/> stands in for right now.</summary>
    public Task<IReadOnlyList<string>> PrincipalsOfAsync(string userId, CancellationToken cancellationToken = default) =>
        StandInGuard.PrincipalsAsync(db, userId, time.GetUtcNow().UtcDateTime, cancellationToken);

    internal static object Snapshot(StandIn s) => new
    {
        s.PrincipalId, s.DelegateId, Kind = s.Kind.ToString(), s.FromUtc, s.UntilUtc, s.Reason, s.EndedAtUtc,
    };
}
