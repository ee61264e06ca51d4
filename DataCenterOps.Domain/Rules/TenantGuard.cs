using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Tenants;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Rules;

/// <summary>Co-location tenants: who administers them, who requests and decides visit permits, who may escort a tenant visit.</summary>
internal static class TenantGuard
{
    public const int MaxPermitPersons = 20;

    public static readonly TimeSpan MaxPermitPeriod = TimeSpan.FromDays(31);

    /// <summary>Tenants, their contacts, users and ownership: the Administrator or the Pengelola.</summary>
    public static void Administers(Actor actor) =>
        SopGuard.Person(actor.IsIn(Roles.Administrator) || actor.IsIn(Roles.Manager), SopError.WrongRole, "TenantAdminNeedsRole",
            "Only the Administrator or the Pengelola TIK may manage co-location tenants.");

    /// <summary>The tenant the account is bound to, or null.</summary>
    public static async Task<Guid?> TenantOfAsync(DataCenterOpsDbContext db, string userId, CancellationToken cancellationToken) =>
        (await db.TenantUsers.AsNoTracking().FirstOrDefaultAsync(t => t.UserId == userId, cancellationToken))?.TenantId;

    /// <summary>A permit is requested by the Pengelola, or by a user of the tenant itself (for its own tenant only).</summary>
    public static async Task MayRequestAsync(DataCenterOpsDbContext db, Actor actor, Guid tenantId, CancellationToken cancellationToken)
    {
        if (actor.IsIn(Roles.Manager))
        {
            return;
        }

        if (actor.IsIn(Roles.Tenant) && await TenantOfAsync(db, actor.UserId, cancellationToken) == tenantId)
        {
            return;
        }

        throw new AccessRuleViolationException(AccessError.WrongRole, "A visit permit is requested by the Pengelola TIK or by the tenant itself.", "PermitRequestNeedsRole");
    }

    /// <summary>
    /// Only the Pengawas, or whoever stands in for one now (Plh./Plt.), decides a permit, and never one he requested.
    /// Returns the delegation acted under (null: the Pengawas himself).
    /// </summary>
    public static async Task<StandIn?> DeciderAsync(DataCenterOpsDbContext db, Actor actor, VisitPermit permit, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (string.Equals(permit.RequestedById, actor.UserId, StringComparison.Ordinal))
        {
            throw new AccessRuleViolationException(AccessError.OwnAccess, "Whoever requested a visit permit does not decide it.", "PermitDecisionOwnRequest");
        }

        var (may, standIn) = await PengawasAsync(db, actor, nowUtc, cancellationToken);
        return may ? standIn : throw new AccessRuleViolationException(AccessError.WrongRole,
            "Only the Pengawas Infrastruktur TIK (or his Plh./Plt.) approves or refuses a visit permit.", "PermitDecisionNeedsPengawas");
    }

    /// <summary>
    /// Only the Pengawas, or whoever stands in for one now (Plh./Plt.), cancels an approved permit. Cancelling narrows
    /// access, so unlike a decision it may be done by the permit's requester when he is the Pengawas' stand-in.
    /// </summary>
    public static async Task<StandIn?> CancellerAsync(DataCenterOpsDbContext db, Actor actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var (may, standIn) = await PengawasAsync(db, actor, nowUtc, cancellationToken);
        return may ? standIn : throw new AccessRuleViolationException(AccessError.WrongRole,
            "Only the Pengawas Infrastruktur TIK (or his Plh./Plt.) cancels a visit permit.", "PermitCancelNeedsPengawas");
    }

    /// <summary>Whether the actor acts as the Pengawas now: himself (no delegation) or as his stand-in (the delegation).</summary>
    private static async Task<(bool May, StandIn? StandIn)> PengawasAsync(DataCenterOpsDbContext db, Actor actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (actor.IsIn(Roles.Supervisor) && !actor.IsIn(Roles.Tenant))
        {
            return (true, null);
        }

        var act = actor.IsIn(Roles.Tenant) ? null : await StandInGuard.ActingAsync(db, actor, null, nowUtc, cancellationToken);
        return (act is not null, act?.StandIn);
    }

    /// <summary>An escort of a tenant visit is DC staff: a staff role, and no tenant account.</summary>
    public static async Task<bool> IsStaffAsync(DataCenterOpsDbContext db, string userId, CancellationToken cancellationToken)
    {
        var roles = await Actors.RolesOfAsync(db, userId, cancellationToken);
        return roles.Any(Roles.Staff.Contains) && !roles.Contains(Roles.Tenant)
            && await TenantOfAsync(db, userId, cancellationToken) is null;
    }

    public static NewVisitPermit Check(NewVisitPermit input, DateTime nowUtc)
    {
        if (input.UntilUtc <= input.FromUtc)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, "The validity period must end after it starts.", "ValidityOrder");
        }

        if (input.UntilUtc <= nowUtc)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, "A visit permit cannot lie wholly in the past.", "PermitInPast");
        }

        if (input.UntilUtc - input.FromUtc > MaxPermitPeriod)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, $"A visit permit covers at most {MaxPermitPeriod.Days} days.", "PermitTooLong", MaxPermitPeriod.Days);
        }

        var persons = (input.Persons ?? []).Select(p => AccessGuard.OptionalText(p, 200, "Name")).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (persons.Count == 0 || persons.Count > MaxPermitPersons)
        {
            throw new AccessRuleViolationException(AccessError.InvalidInput, $"A visit permit names 1 to {MaxPermitPersons} persons.", "PermitPersons", MaxPermitPersons);
        }

        return input with { Persons = persons, Purpose = AccessGuard.Text(input.Purpose, 500, "Purpose") };
    }
}
