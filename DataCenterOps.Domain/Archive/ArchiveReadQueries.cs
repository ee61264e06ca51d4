using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Archive;

/// <summary>
/// What the archive's read rule needs to know: whether a Laporan (or one of its checklists) is archived, and whether a
/// person is named on it (the letter's Pengawas, Pengelola and Pemeriksa, the plan's Pengelola, its checklists' Pemeriksa).
/// Who else may read it (the archive's readers, by role) is the web's policy.
/// </summary>
public sealed class ArchiveReadQueries(DataCenterOpsDbContext db)
{
    /// <summary>The plan of the Laporan when it is archived; null when the Laporan is unknown or not archived.</summary>
    public async Task<Guid?> ArchivedPlanOfReportAsync(Guid reportId, CancellationToken cancellationToken = default) =>
        await ArchivedAsync(
            await db.MaintenanceReports.Where(r => r.Id == reportId).Select(r => (Guid?)r.WorkPlanId).FirstOrDefaultAsync(cancellationToken),
            cancellationToken);

    /// <summary>The plan of the checklist when its Laporan is archived; null when the checklist is unknown or not archived.</summary>
    public async Task<Guid?> ArchivedPlanOfChecklistAsync(Guid executionId, CancellationToken cancellationToken = default) =>
        await ArchivedAsync(
            await db.ChecklistExecutions.Where(e => e.Id == executionId).Select(e => (Guid?)e.WorkPlanItem!.PlanId).FirstOrDefaultAsync(cancellationToken),
            cancellationToken);

    /// <summary>Whether <paramref name="userId"/> is named on the plan, its letter or one of its checklists.</summary>
    public async Task<bool> IsNamedOnPlanAsync(Guid planId, string userId, CancellationToken cancellationToken = default)
    {
        var plan = await db.WorkPlans.AsNoTracking().Include(p => p.Letter).ThenInclude(l => l!.Inspectors)
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return false;
        }

        return plan.ManagerId == userId
            || plan.Letter is { } letter && (letter.SupervisorId == userId || letter.ManagerId == userId || letter.Inspectors.Any(i => i.UserId == userId))
            || await db.ChecklistExecutions.AnyAsync(e => e.WorkPlanItem!.PlanId == planId && e.InspectorId == userId, cancellationToken);
    }

    private async Task<Guid?> ArchivedAsync(Guid? planId, CancellationToken cancellationToken) =>
        planId is { } id && await db.ArchivedReports.AnyAsync(a => a.WorkPlanId == id, cancellationToken) ? id : null;
}
