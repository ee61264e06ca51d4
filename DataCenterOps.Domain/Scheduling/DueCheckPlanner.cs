using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>
/// Turns schedules into due checks and puts each into the Rencana Kerja of an issued Surat Tugas that covers the
/// equipment, with a Pemeriksa named on that letter. Safe to run any number of times, also concurrently: the
/// database's unique key on the due check and its version token decide, never an in-memory flag.
/// </summary>
public sealed class DueCheckPlanner(DataCenterOpsDbContext db, TimeProvider time, IOptions<SopOptions> options, AuditLog audit)
{
    /// <summary>The actor recorded in the audit trail for what the routine does by itself.</summary>
    public static readonly Actor System = new("system:routine", []);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, options.Value.Zone));

    /// <summary>Creates the current period's due check for every item of the schedule's kind and plans it.</summary>
    public async Task<PlanningResult> RunScheduleAsync(Guid scheduleId, CancellationToken cancellationToken = default)
    {
        var schedule = await db.Set<MaintenanceSchedule>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == scheduleId, cancellationToken);
        if (schedule is null || !schedule.Enabled || !CadenceCalendar.IsCalendar(schedule.Cadence))
        {
            // Meter and battery-health schedules are run by MeterDueChecks.
            return new(0, 0, []);
        }

        var today = Today;
        var period = CadenceCalendar.PeriodOf(schedule.Cadence, today);
        var equipmentIds = await db.Equipment.Where(e => e.Kind == schedule.EquipmentKind)
            .OrderBy(e => e.Name).Select(e => e.Id).ToListAsync(cancellationToken);
        int created = 0, planned = 0;
        var unassigned = new List<Guid>();
        foreach (var equipmentId in equipmentIds)
        {
            var (dueCheckId, isNew) = await EnsureDueCheckAsync(schedule, equipmentId, period, cancellationToken);
            created += isNew ? 1 : 0;
            switch (await TryPlaceAsync(dueCheckId, today, cancellationToken))
            {
                case DueCheckState.Planned:
                    planned++;
                    break;
                case DueCheckState.Unassigned:
                    unassigned.Add(dueCheckId);
                    break;
            }
        }

        return new(created, planned, unassigned);
    }

    /// <summary>Tries again every unassigned check still within its period (a letter or plan may exist now).</summary>
    public async Task<PlanningResult> RetryUnassignedAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        var ids = await db.Set<DueCheck>()
            .Where(d => d.State == DueCheckState.Unassigned && d.DeadlineDate >= today)
            .Select(d => d.Id).ToListAsync(cancellationToken);
        var planned = 0;
        var unassigned = new List<Guid>();
        foreach (var id in ids)
        {
            if (await TryPlaceAsync(id, today, cancellationToken) == DueCheckState.Planned)
            {
                planned++;
            }
            else
            {
                unassigned.Add(id);
            }
        }

        return new(0, planned, unassigned);
    }

    private async Task<(Guid Id, bool IsNew)> EnsureDueCheckAsync(
        MaintenanceSchedule schedule, Guid equipmentId, DuePeriod period, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(schedule.Id, equipmentId, period.Start, cancellationToken);
        if (existing is { } id)
        {
            return (id, false);
        }

        var check = new DueCheck
        {
            ScheduleId = schedule.Id,
            EquipmentId = equipmentId,
            DueDate = period.Start,
            DeadlineDate = period.End,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        var inserted = await InsertOnceAsync(check, ct => FindAsync(schedule.Id, equipmentId, period.Start, ct), cancellationToken);
        return (inserted.Id ?? throw new InvalidOperationException("The due check could be neither inserted nor found."), inserted.IsNew);
    }

    /// <summary>
    /// Inserts the check unless a unique key refuses it because another run (or node) inserted the same first; then
    /// that one's id, found by <paramref name="find"/>.
    /// </summary>
    internal async Task<(Guid? Id, bool IsNew)> InsertOnceAsync(DueCheck check, Func<CancellationToken, Task<Guid?>> find, CancellationToken cancellationToken)
    {
        db.Set<DueCheck>().Add(check);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (check.Id, true);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (await find(cancellationToken), false);
        }
    }

    private async Task<Guid?> FindAsync(Guid scheduleId, Guid equipmentId, DateOnly dueDate, CancellationToken cancellationToken) =>
        await db.Set<DueCheck>()
            .Where(d => d.ScheduleId == scheduleId && d.EquipmentId == equipmentId && d.DueDate == dueDate)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Puts an unassigned check into a plan if a letter allows it; returns the state it ends in.</summary>
    internal async Task<DueCheckState> TryPlaceAsync(Guid dueCheckId, DateOnly today, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var check = await db.Set<DueCheck>()
            .Include(d => d.Equipment).Include(d => d.Schedule).ThenInclude(s => s!.Template)
            .FirstAsync(d => d.Id == dueCheckId, cancellationToken);
        if (check.State != DueCheckState.Unassigned)
        {
            return check.State;
        }

        var from = check.DueDate > today ? check.DueDate : today;
        var template = check.Schedule!.Template!;
        var equipment = check.Equipment!;
        if (from > check.DeadlineDate || (template.EquipmentKind is { } kind && kind != equipment.Kind))
        {
            return DueCheckState.Unassigned;
        }

        var target = await FindTargetAsync(check, from, cancellationToken);
        if (target is not { } found)
        {
            return DueCheckState.Unassigned;
        }

        var (letter, plan, date) = found;

        var inspectorId = await PickInspectorAsync(letter, plan.Id, date, cancellationToken);
        var item = new WorkPlanItem
        {
            PlanId = plan.Id,
            EquipmentId = equipment.Id,
            TemplateId = template.Id,
            PlannedDate = date,
            InspectorId = inspectorId,
        };
        db.WorkPlanItems.Add(item);
        if (plan.State == SopState.InExecution)
        {
            // Publishing made the executions of the items it had; a later item gets its own now.
            db.ChecklistExecutions.Add(new ChecklistExecution { WorkPlanItemId = item.Id, InspectorId = inspectorId });
        }

        // Touch the plan's version: a publish racing with this insert fails one side instead of losing an execution.
        db.Entry(plan).Property(p => p.Version).IsModified = true;
        check.State = DueCheckState.Planned;
        check.WorkPlanItemId = item.Id;
        check.PlannedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.Write(System, "DueCheckPlanned", nameof(WorkPlan), plan.Id.ToString(), null,
            new { DueCheckId = check.Id, item.Id, item.EquipmentId, item.TemplateId, item.PlannedDate, item.InspectorId });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return DueCheckState.Planned;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run planned it (or the plan changed under us): nothing of ours was saved.
            db.ChangeTracker.Clear();
            var state = await db.Set<DueCheck>().Where(d => d.Id == dueCheckId).Select(d => d.State).FirstAsync(cancellationToken);
            if (state == DueCheckState.Unassigned)
            {
                throw;
            }

            return state;
        }
    }

    private async Task<(AssignmentLetter Letter, WorkPlan Plan, DateOnly Date)?> FindTargetAsync(
        DueCheck check, DateOnly from, CancellationToken cancellationToken)
    {
        var zone = options.Value.Zone;
        var plans = await db.WorkPlans
            .Include(p => p.Letter).ThenInclude(l => l!.Inspectors)
            .Include(p => p.Letter).ThenInclude(l => l!.Scope)
            .Where(p => p.Letter!.State == SopState.LetterIssued
                && (p.State == SopState.Planning || p.State == SopState.InExecution))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        (AssignmentLetter, WorkPlan, DateOnly)? best = null;
        foreach (var plan in plans)
        {
            var letter = plan.Letter!;
            if (!letter.Covers(check.Equipment!) || letter.Inspectors.Count == 0)
            {
                continue;
            }

            for (var date = from; date <= check.DeadlineDate; date = date.AddDays(1))
            {
                if (letter.IsValidOn(date, zone))
                {
                    if (best is null || date < best.Value.Item3
                        || (date == best.Value.Item3 && letter.IssuedAtUtc > best.Value.Item1.IssuedAtUtc))
                    {
                        best = (letter, plan, date);
                    }

                    break;
                }
            }
        }

        return best;
    }

    /// <summary>The named Pemeriksa with the fewest items that day (ties by id), so the routine is spread out.</summary>
    private async Task<string> PickInspectorAsync(AssignmentLetter letter, Guid planId, DateOnly date, CancellationToken cancellationToken)
    {
        var load = await db.WorkPlanItems.Where(i => i.PlanId == planId && i.PlannedDate == date)
            .GroupBy(i => i.InspectorId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return letter.Inspectors.Select(i => i.UserId).Order(StringComparer.Ordinal)
            .MinBy(id => load.GetValueOrDefault(id))!;
    }
}
