using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Facilities;

/// <summary>What the screens read about the equipment registry.</summary>
public sealed class EquipmentQueries(DataCenterOpsDbContext db)
{
    public Task<List<Equipment>> ByNameAsync(CancellationToken cancellationToken = default) =>
        db.Equipment.AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken);

    /// <summary>One site's equipment by name; refused when the person's roles do not reach the site.</summary>
    public Task<List<Equipment>> AtSiteAsync(Actor actor, Guid siteId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        SopGuard.Site(actor, siteId);
        return db.Equipment.AsNoTracking().Where(e => e.SiteId == siteId).OrderBy(e => e.Name).ToListAsync(cancellationToken);
    }

    public Task<List<Equipment>> ByKindAsync(CancellationToken cancellationToken = default) =>
        db.Equipment.AsNoTracking().OrderBy(e => e.Kind).ThenBy(e => e.Name).ToListAsync(cancellationToken);

    public Task<Dictionary<Guid, string>> NamesAsync(CancellationToken cancellationToken = default) =>
        db.Equipment.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);

    /// <summary>Completed checklists per piece of equipment.</summary>
    public async Task<Dictionary<Guid, int>> CompletedChecksAsync(CancellationToken cancellationToken = default) =>
        (await db.ChecklistExecutions.Where(x => x.Status == ExecutionStatus.Completed)
            .GroupBy(x => x.WorkPlanItem!.EquipmentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Key, x => x.Count);

    /// <summary>The registry's name of each monitored device (MonitoringDeviceId → Name); with two items on one device the first by name wins.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesByMonitoringDeviceAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Equipment.AsNoTracking()
            .Where(e => e.MonitoringDeviceId != null)
            .Select(e => new { e.MonitoringDeviceId, e.Name })
            .ToListAsync(cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            names.TryAdd(row.MonitoringDeviceId!, row.Name);
        }

        return names;
    }
}
