using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Facilities;

/// <summary>What the commissioning page reads: the commissioned devices, never a secret.</summary>
public sealed class CommissionedDeviceQueries(DataCenterOpsDbContext db)
{
    public Task<List<CommissionedDeviceSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        db.CommissionedDevices.AsNoTracking().OrderBy(d => d.DeviceId)
            .Select(d => new CommissionedDeviceSummary(d.Id, d.DeviceId, d.Name, d.Kind, d.Protocol, d.Host, d.Port, d.Profile,
                d.IntervalSeconds, d.SnmpVersion, d.V3User, d.UnitId, d.AddedAtUtc, d.AddedById))
            .ToListAsync(cancellationToken);
}
