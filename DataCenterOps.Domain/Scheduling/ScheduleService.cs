using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>The Pengelola edits the routine: cadence, checklist and on/off per schedule.</summary>
public sealed class ScheduleService(DataCenterOpsDbContext db, TimeProvider time, AuditLog audit)
{
    public async Task<IReadOnlyList<MaintenanceSchedule>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<MaintenanceSchedule>().Include(s => s.Template).AsNoTracking()
            .OrderBy(s => s.EquipmentKind).ThenBy(s => s.Cadence).ThenBy(s => s.Name)
            .ToListAsync(cancellationToken);

    public async Task<MaintenanceSchedule> UpdateAsync(
        Actor actor, Guid scheduleId, ScheduleCadence cadence, Guid templateId, bool enabled, CancellationToken cancellationToken = default)
    {
        if (!actor.IsIn(Roles.Manager))
        {
            throw new SopRuleViolationException(SopError.WrongRole, $"Editing the routine needs the role {Roles.Manager}.", "EditRoutineNeedsRole", Roles.Manager);
        }

        var schedule = SopGuard.Found(
            await db.Set<MaintenanceSchedule>().FirstOrDefaultAsync(s => s.Id == scheduleId, cancellationToken), "The schedule");
        var template = SopGuard.Found(await db.ChecklistTemplates.FindAsync([templateId], cancellationToken), "The checklist");
        if (template.EquipmentKind is { } kind && kind != schedule.EquipmentKind)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, $"The checklist '{template.Name}' is not for {schedule.EquipmentKind} equipment.", "ChecklistWrongKind", template.Name, schedule.EquipmentKind);
        }

        if (!Enum.IsDefined(cadence))
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "Unknown cadence.", "UnknownCadence");
        }

        if (CadenceCalendar.IsCalendar(cadence) != CadenceCalendar.IsCalendar(schedule.Cadence) || (!CadenceCalendar.IsCalendar(cadence) && cadence != schedule.Cadence))
        {
            // A meter or battery-health schedule counts on its meter; it does not turn into a calendar one, nor back.
            throw new SopRuleViolationException(SopError.InvalidInput, "A meter schedule keeps its meter; a calendar schedule keeps the calendar.", "CadenceKindFixed");
        }

        var before = Snapshot(schedule);
        schedule.Cadence = cadence;
        schedule.TemplateId = template.Id;
        schedule.Enabled = enabled;
        schedule.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        schedule.UpdatedById = actor.UserId;
        audit.Write(actor, "ScheduleUpdated", nameof(MaintenanceSchedule), schedule.Id.ToString(), before, Snapshot(schedule));
        await SopGuard.SaveAsync(db, cancellationToken);
        return schedule;
    }

    private static object Snapshot(MaintenanceSchedule s) => new { s.Code, Cadence = s.Cadence.ToString(), s.TemplateId, s.Enabled };
}
