using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Maintenance;

/// <summary>A Pengawas opens an ad-hoc maintenance window for monitored equipment (audited).</summary>
public sealed class MaintenanceWindowService(DataCenterOpsDbContext db, TimeProvider time, AuditLog audit)
{
    /// <summary>The longest ad-hoc window: longer work belongs in a Rencana Kerja.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(7);

    public async Task<MaintenanceWindowEntry> OpenAsync(
        Actor actor, Guid equipmentId, DateTime startUtc, DateTime endUtc, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsIn(Roles.Supervisor))
        {
            throw new SopRuleViolationException(SopError.WrongRole, $"Opening a maintenance window needs the role {Roles.Supervisor}.", "MaintenanceWindowNeedsRole", Roles.Supervisor);
        }

        var text = SopGuard.Text(reason, 500, "Reason");
        var equipment = SopGuard.Found(await db.Equipment.FirstOrDefaultAsync(e => e.Id == equipmentId, cancellationToken), "The equipment");
        if (string.IsNullOrEmpty(equipment.MonitoringDeviceId))
        {
            throw new SopRuleViolationException(SopError.InvalidInput, $"{equipment.Name} is not monitored.", "MaintenanceWindowNotMonitored", equipment.Name);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (endUtc <= startUtc || endUtc - startUtc > MaxLength || endUtc <= now)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "The window must end after it starts, in the future, and last at most 7 days.", "MaintenanceWindowPeriod", (int)MaxLength.TotalDays);
        }

        var window = new MaintenanceWindowEntry
        {
            EquipmentId = equipment.Id,
            StartUtc = startUtc,
            EndUtc = endUtc,
            Reason = text,
            OpenedById = actor.UserId,
            CreatedAtUtc = now,
        };
        db.MaintenanceWindows.Add(window);
        audit.Write(actor, "MaintenanceWindowOpened", nameof(MaintenanceWindowEntry), window.Id.ToString(), null,
            new { window.EquipmentId, Device = equipment.MonitoringDeviceId, window.StartUtc, window.EndUtc, window.Reason });
        await SopGuard.SaveAsync(db, cancellationToken);
        return window;
    }
}
