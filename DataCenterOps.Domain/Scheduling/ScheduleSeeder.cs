using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>
/// Adds the shipped checklists and schedules that are missing (by code), named in the seeding language (Seeding:Language);
/// never changes what a site edited, nor translates what is already there.
/// </summary>
public static class ScheduleSeeder
{
    public static async Task<int> EnsureShippedAsync(DataCenterOpsDbContext db, string language = SeedingOptions.Indonesian, CancellationToken cancellationToken = default)
    {
        var knownTemplates = await db.ChecklistTemplates.Select(t => t.Code).ToListAsync(cancellationToken);
        var missing = RoutineTemplates.All(language).Where(t => !knownTemplates.Contains(t.Code)).ToList();
        db.ChecklistTemplates.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);

        var templates = await db.ChecklistTemplates.ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);
        var schedules = db.Set<MaintenanceSchedule>();
        var knownSchedules = await schedules.Select(s => s.Code).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var shipped in ShippedSchedules.All.Where(s => !knownSchedules.Contains(s.Code)))
        {
            if (templates.TryGetValue(shipped.TemplateCode, out var templateId))
            {
                schedules.Add(new MaintenanceSchedule
                {
                    Code = shipped.Code,
                    Name = shipped.Name.In(language),
                    EquipmentKind = shipped.Kind,
                    Cadence = shipped.Cadence,
                    MeterPoint = shipped.MeterPoint,
                    MeterEvery = shipped.MeterEvery,
                    TemplateId = templateId,
                });
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
