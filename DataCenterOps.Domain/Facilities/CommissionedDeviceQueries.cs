using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Facilities;

/// <summary>What the commissioning page reads: the commissioned devices, never a secret.</summary>
public sealed class CommissionedDeviceQueries(DataCenterOpsDbContext db)
{
    public async Task<List<CommissionedDeviceSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.CommissionedDevices.AsNoTracking().OrderBy(d => d.DeviceId)
            .Select(d => new { d.Id, d.DeviceId, d.Name, d.Kind, d.Protocol, d.Host, d.Port, d.Profile, d.IntervalSeconds, d.SnmpVersion, d.V3User, d.UnitId, d.AddedAtUtc, d.AddedById, d.ScaleOverrides })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(d => new CommissionedDeviceSummary(d.Id, d.DeviceId, d.Name, d.Kind, d.Protocol, d.Host, d.Port, d.Profile,
            d.IntervalSeconds, d.SnmpVersion, d.V3User, d.UnitId, d.AddedAtUtc, d.AddedById, PointScales.Parse(d.ScaleOverrides)))];
    }
}
