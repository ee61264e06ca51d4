using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>The monthly compliance summary: every check that fell due in the month, per equipment.</summary>
public sealed class ComplianceService(DataCenterOpsDbContext db, TimeProvider time, IOptions<SopOptions> options)
{
    public async Task<ComplianceSummary> MonthAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var zone = options.Value.Zone;
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var rows = await DueCheckQueries.RowsAsync(db, db.Set<DueCheck>().Where(d => d.DueDate >= first && d.DueDate <= last), today, zone, cancellationToken);
        var perEquipment = rows.GroupBy(r => (r.EquipmentId, r.EquipmentName))
            .OrderBy(g => g.Key.EquipmentName, StringComparer.Ordinal)
            .Select(g => new EquipmentCompliance(g.Key.EquipmentId, g.Key.EquipmentName,
                g.Count(r => r.Outcome == ComplianceOutcome.OnTime), g.Count(r => r.Outcome == ComplianceOutcome.Late),
                g.Count(r => r.Outcome == ComplianceOutcome.Missed), g.Count(r => r.Outcome == ComplianceOutcome.EquipmentFailed),
                g.Count(r => r.Outcome == ComplianceOutcome.Pending)))
            .ToList();
        return new ComplianceSummary(year, month, now, perEquipment, rows);
    }
}
