using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>Due checks that need attention, and recording that one cannot run because the equipment has failed.</summary>
public sealed class DueCheckService(DataCenterOpsDbContext db, TimeProvider time, IOptions<SopOptions> options, AuditLog audit)
{
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, options.Value.Zone));

    /// <summary>Checks not done yet: pending in their period, unassigned, or missed within the last <paramref name="lookBackDays"/> days.</summary>
    public async Task<IReadOnlyList<ComplianceRow>> OpenAsync(int lookBackDays = 31, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var since = today.AddDays(-lookBackDays);
        var rows = await DueCheckQueries.RowsAsync(db,
            db.Set<DueCheck>().Where(d => d.DeadlineDate >= since && d.State != DueCheckState.EquipmentFailed), today, options.Value.Zone, cancellationToken);
        return rows.Where(r => r.Outcome is ComplianceOutcome.Pending or ComplianceOutcome.Missed).ToList();
    }

    /// <summary>Checks whose period is over without a completed checklist (equipment failures excluded).</summary>
    public async Task<IReadOnlyList<ComplianceRow>> OverdueAsync(int lookBackDays = 31, CancellationToken cancellationToken = default) =>
        (await OpenAsync(lookBackDays, cancellationToken)).Where(r => r.Outcome == ComplianceOutcome.Missed).ToList();

    /// <summary>Checks no letter or plan covers yet, still within their period.</summary>
    public async Task<IReadOnlyList<ComplianceRow>> UnassignedAsync(CancellationToken cancellationToken = default) =>
        (await OpenAsync(0, cancellationToken)).Where(r => r.State == DueCheckState.Unassigned && r.Outcome == ComplianceOutcome.Pending).ToList();

    /// <summary>The Pengelola (or the assigned Pemeriksa) records that the check cannot run because the equipment is out of service.</summary>
    public async Task<DueCheck> MarkEquipmentFailedAsync(Actor actor, Guid dueCheckId, string reason, CancellationToken cancellationToken = default)
    {
        if (!actor.IsIn(Roles.Manager) && !actor.IsIn(Roles.Inspector))
        {
            throw new SopRuleViolationException(SopError.WrongRole, $"Recording failed equipment needs the role {Roles.Manager} or {Roles.Inspector}.", "RecordFailedNeedsRole", Roles.Manager, Roles.Inspector);
        }

        var check = SopGuard.Found(
            await db.Set<DueCheck>().Include(d => d.WorkPlanItem).ThenInclude(i => i!.Execution)
                .FirstOrDefaultAsync(d => d.Id == dueCheckId, cancellationToken),
            "The due check");
        // An unassigned check has no Pemeriksa yet: only the Pengelola may say it cannot run, so no inspector can hide a missed check.
        SopGuard.Person(actor.IsIn(Roles.Manager) || check.WorkPlanItem?.InspectorId == actor.UserId,
            SopError.NotAssignedInspector, "DueCheckNotAssigned", "Only the Pemeriksa assigned to this check (or a Pengelola) may record it.");
        if (check.DeadlineDate < Today)
        {
            throw new SopRuleViolationException(SopError.IllegalTransition,
                "The period of this check is over; a missed check stays missed in the compliance record.", "DueCheckPeriodOver");
        }

        if (check.WorkPlanItem?.Execution?.Status == ExecutionStatus.Completed)
        {
            throw new SopRuleViolationException(SopError.IllegalTransition, "This check has been done; it cannot be marked as not possible.", "DueCheckAlreadyDone");
        }

        var before = new { State = check.State.ToString(), check.FailureReason };
        check.State = DueCheckState.EquipmentFailed;
        check.FailureReason = SopGuard.Text(reason, 1000, "Reason");
        check.FailureRecordedById = actor.UserId;
        check.FailureRecordedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.Write(actor, "DueCheckEquipmentFailed", nameof(DueCheck), check.Id.ToString(), before,
            new { State = check.State.ToString(), check.FailureReason });
        await SopGuard.SaveAsync(db, cancellationToken);
        return check;
    }
}
