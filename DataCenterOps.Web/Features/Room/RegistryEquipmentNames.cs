using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Web.Features.Room;

/// <summary>Reads the registry's names of monitored equipment; empty when the domain database is not registered.</summary>
internal sealed class RegistryEquipmentNames(IServiceProvider services) : IRoomEquipmentNames
{
    public async Task<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken)
    {
        if (services.GetService(typeof(IDbContextFactory<DataCenterOpsDbContext>)) is not IDbContextFactory<DataCenterOpsDbContext> factory)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Equipment.AsNoTracking()
                .Where(e => e.MonitoringDeviceId != null)
                .Select(e => new { e.MonitoringDeviceId, e.Name })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);

            // Two registry items on one device would be a registry mistake: the first name by name order wins.
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in rows.OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                names.TryAdd(row.MonitoringDeviceId!, row.Name);
            }

            return names;
        }
    }
}
