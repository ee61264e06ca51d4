using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Rules;

/// <summary>Plh./Plt.: who may delegate, to whom, and who acts as the Pengawas of a letter at a given instant.</summary>
internal static class StandInGuard
{
    public static async Task MayDelegateAsync(DataCenterOpsDbContext db, Actor actor, NewStandIn input, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (!actor.IsIn(Roles.Supervisor))
        {
            throw new SopRuleViolationException(SopError.WrongRole, $"Delegating needs the role {Roles.Supervisor}.", "DelegateNeedsRole", Roles.Supervisor);
        }

        if (string.Equals(input.DelegateId, actor.UserId, StringComparison.Ordinal))
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "A Pengawas cannot stand in for himself.", "StandInSelf");
        }

        if (!Enum.IsDefined(input.Kind))
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "Choose Plh. or Plt.", "StandInKindNeeded");
        }

        SopGuard.Found(await db.Users.FirstOrDefaultAsync(u => u.Id == input.DelegateId, cancellationToken), "The stand-in");
        if (input.UntilUtc <= input.FromUtc)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "The validity period must end after it starts.", "ValidityOrder");
        }

        if (input.UntilUtc <= nowUtc)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "A delegation cannot lie wholly in the past.", "StandInInPast");
        }

        // One stand-in at a time: two people both "Plh. Pengawas" for the same days would sign against each other.
        var overlapping = await db.Set<StandIn>().AnyAsync(
            s => s.PrincipalId == actor.UserId && s.EndedAtUtc == null && s.FromUtc < input.UntilUtc && s.UntilUtc > input.FromUtc, cancellationToken);
        if (overlapping)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "Another delegation of yours covers part of this period; end it first.", "StandInOverlaps");
        }
    }

    /// <summary>The letter's Pengawas himself, or his active stand-in; null for anyone else (the caller refuses as before).</summary>
    public static async Task<PengawasAct?> ActingForAsync(DataCenterOpsDbContext db, Actor actor, string principalId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (string.Equals(actor.UserId, principalId, StringComparison.Ordinal))
        {
            return new PengawasAct(actor, null);
        }

        var standIn = (await db.Set<StandIn>().AsNoTracking()
                .Where(s => s.PrincipalId == principalId && s.DelegateId == actor.UserId && s.FromUtc <= nowUtc && s.UntilUtc >= nowUtc)
                .ToListAsync(cancellationToken))
            .FirstOrDefault(s => s.IsActiveAt(nowUtc));
        return standIn is null ? null : new PengawasAct(AsSupervisor(actor), standIn);
    }

    /// <summary>The Pengawas a stand-in acts for now: <paramref name="principalId"/> when given, else his only active delegation.</summary>
    public static async Task<PengawasAct?> ActingAsync(DataCenterOpsDbContext db, Actor actor, string? principalId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var active = (await db.Set<StandIn>().AsNoTracking()
                .Where(s => s.DelegateId == actor.UserId && s.FromUtc <= nowUtc && s.UntilUtc >= nowUtc)
                .ToListAsync(cancellationToken))
            .Where(s => s.IsActiveAt(nowUtc) && (principalId is null || s.PrincipalId == principalId))
            .ToList();
        return active.Count == 1 ? new PengawasAct(AsSupervisor(actor), active[0]) : null;
    }

    /// <summary>Principals <paramref name="userId"/> stands in for at <paramref name="nowUtc"/>.</summary>
    public static async Task<IReadOnlyList<string>> PrincipalsAsync(DataCenterOpsDbContext db, string userId, DateTime nowUtc, CancellationToken cancellationToken) =>
        [.. (await db.Set<StandIn>().AsNoTracking()
                .Where(s => s.DelegateId == userId && s.FromUtc <= nowUtc && s.UntilUtc >= nowUtc)
                .ToListAsync(cancellationToken))
            .Where(s => s.IsActiveAt(nowUtc)).Select(s => s.PrincipalId).Distinct()];

    private static Actor AsSupervisor(Actor actor) =>
        actor.IsIn(Roles.Supervisor) ? actor : actor with { Roles = [.. actor.Roles, Roles.Supervisor] };
}
