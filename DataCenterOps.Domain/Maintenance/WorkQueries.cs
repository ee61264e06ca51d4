using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Maintenance;

/// <summary>What the screens read about Rencana Kerja and checklists (the writes are the plan and checklist services').</summary>
public sealed class WorkQueries(DataCenterOpsDbContext db)
{
    public Task<List<WorkPlan>> RecentPlansAsync(int take = 200, CancellationToken cancellationToken = default) =>
        db.WorkPlans.AsNoTracking().Include(p => p.Letter).Include(p => p.Items)
            .OrderByDescending(p => p.CreatedAtUtc).Take(take).ToListAsync(cancellationToken);

    public Task<WorkPlan?> PlanDetailAsync(Guid planId, CancellationToken cancellationToken = default) =>
        db.WorkPlans.AsNoTracking()
            .Include(p => p.Letter).ThenInclude(l => l!.Inspectors)
            .Include(p => p.Letter).ThenInclude(l => l!.Scope)
            .Include(p => p.Items).ThenInclude(i => i.Equipment)
            .Include(p => p.Items).ThenInclude(i => i.Template)
            .Include(p => p.Items).ThenInclude(i => i.Execution)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);

    public Task<WorkPlan> PlanWithExecutionsAsync(Guid planId, CancellationToken cancellationToken = default) =>
        db.WorkPlans.AsNoTracking().Include(p => p.Items).ThenInclude(i => i.Execution).FirstAsync(p => p.Id == planId, cancellationToken);

    public Task<Guid?> ReportIdOfPlanAsync(Guid planId, CancellationToken cancellationToken = default) =>
        db.MaintenanceReports.Where(r => r.WorkPlanId == planId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The Laporan of each plan that has one.</summary>
    public Task<Dictionary<Guid, Guid>> ReportIdsOfPlansAsync(IReadOnlyCollection<Guid> planIds, CancellationToken cancellationToken = default) =>
        db.MaintenanceReports.AsNoTracking().Where(r => planIds.Contains(r.WorkPlanId)).ToDictionaryAsync(r => r.WorkPlanId, r => r.Id, cancellationToken);

    public Task<List<ChecklistTemplate>> TemplatesAsync(CancellationToken cancellationToken = default) =>
        db.ChecklistTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);

    /// <summary>The Pemeriksa's plans being executed or returned, oldest state first.</summary>
    public Task<List<WorkPlan>> PlansOfInspectorAsync(string inspectorId, CancellationToken cancellationToken = default) =>
        db.WorkPlans.AsNoTracking()
            .Include(p => p.Letter)
            .Include(p => p.Items).ThenInclude(i => i.Execution)
            .Where(p => (p.State == SopState.InExecution || p.State == SopState.Returned) && p.Items.Any(i => i.InspectorId == inspectorId))
            .OrderBy(p => p.StateSinceUtc)
            .ToListAsync(cancellationToken);

    /// <summary>The Pemeriksa's started checklists in those plans, with template items and answers.</summary>
    public Task<List<WorkPlanItem>> ItemsOfInspectorAsync(string inspectorId, IReadOnlyCollection<Guid> planIds, CancellationToken cancellationToken = default) =>
        db.WorkPlanItems.AsNoTracking()
            .Include(i => i.Equipment)
            .Include(i => i.Template).ThenInclude(t => t!.Items)
            .Include(i => i.Execution).ThenInclude(e => e!.Answers)
            .Where(i => i.InspectorId == inspectorId && i.Execution != null && planIds.Contains(i.PlanId))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

    public Task<ChecklistExecution?> ExecutionAsync(Guid executionId, CancellationToken cancellationToken = default) =>
        db.ChecklistExecutions.AsNoTracking()
            .Include(e => e.Answers)
            .Include(e => e.WorkPlanItem).ThenInclude(i => i!.Template).ThenInclude(t => t!.Items)
            .Include(e => e.WorkPlanItem).ThenInclude(i => i!.Equipment)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == executionId, cancellationToken);

    /// <summary>The newest Catatan of a return, per plan.</summary>
    public async Task<Dictionary<Guid, string>> LatestReturnNotesAsync(IReadOnlyCollection<Guid> planIds, CancellationToken cancellationToken = default)
    {
        var reviews = await db.ReportReviews.AsNoTracking()
            .Join(db.MaintenanceReports, r => r.ReportId, m => m.Id, (r, m) => new { m.WorkPlanId, r.Decision, r.Notes, r.ReviewedAtUtc })
            .Where(x => planIds.Contains(x.WorkPlanId) && x.Decision == ReviewDecision.Returned)
            .ToListAsync(cancellationToken);
        return reviews.GroupBy(r => r.WorkPlanId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ReviewedAtUtc).First().Notes);
    }
}
