using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>What the routine's jobs read and set up: the schedules, the shipped ones at start, the checks nobody covers.</summary>
public sealed class RoutineQueries(DataCenterOpsDbContext db, IOptions<SeedingOptions> seeding)
{
    public async Task<IReadOnlyList<MaintenanceSchedule>> SchedulesAsync(CancellationToken cancellationToken = default) =>
        await db.Set<MaintenanceSchedule>().AsNoTracking().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> EnabledScheduleIdsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<MaintenanceSchedule>().Where(s => s.Enabled).Select(s => s.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Adds the shipped schedules that are missing; the count added, or null when the database still has pending
    /// migrations (the initializer migrates first; before it there are no tables to read).
    /// </summary>
    public async Task<int?> EnsureShippedSchedulesAsync(CancellationToken cancellationToken = default) =>
        (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
            ? null
            : await ScheduleSeeder.EnsureShippedAsync(db, seeding.Value.Language, cancellationToken);

    /// <summary>Of these due checks, those still unassigned, with their equipment's and schedule's names.</summary>
    public async Task<IReadOnlyList<UnassignedDueCheck>> UnassignedAsync(IReadOnlyCollection<Guid> dueCheckIds, CancellationToken cancellationToken = default) =>
        dueCheckIds.Count == 0
            ? []
            : await db.Set<DueCheck>().AsNoTracking()
                .Where(d => dueCheckIds.Contains(d.Id) && d.State == DueCheckState.Unassigned)
                .Select(d => new UnassignedDueCheck(d.Id, d.Equipment!.Name, d.Schedule!.Name, d.DueDate, d.DeadlineDate))
                .ToListAsync(cancellationToken);
}
