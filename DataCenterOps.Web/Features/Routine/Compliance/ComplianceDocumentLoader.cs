using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Compliance;

/// <summary>Builds a <see cref="ComplianceDocument"/> for a month.</summary>
public sealed class ComplianceDocumentLoader(ComplianceService compliance, DataCenterOpsDbContext db, IOptions<SopOptions> sop)
{
    public async Task<ComplianceDocument> LoadAsync(int year, int month, CancellationToken cancellationToken)
    {
        var summary = await compliance.MonthAsync(year, month, cancellationToken);
        var ids = summary.Rows.Select(r => r.InspectorId).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.FullName) ? u.UserName ?? u.Id : u.FullName, cancellationToken);
        return new ComplianceDocument(summary, names, sop.Value.Zone);
    }
}
