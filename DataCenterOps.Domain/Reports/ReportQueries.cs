using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Reports;

/// <summary>What the screens read about Laporan, reviews and the archive.</summary>
public sealed class ReportQueries(DataCenterOpsDbContext db)
{
    public Task<MaintenanceReport?> DetailAsync(Guid reportId, CancellationToken cancellationToken = default) =>
        db.MaintenanceReports.AsNoTracking()
            .Include(r => r.WorkPlan).ThenInclude(p => p!.Letter)
            .Include(r => r.Submissions).Include(r => r.Reviews).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);

    /// <summary>The Laporan as it would be submitted now: what the Pengawas will see, for the confirmation before submitting.</summary>
    public Task<ReportContent> PreviewAsync(Guid workPlanId, CancellationToken cancellationToken = default) =>
        ReportContentBuilder.BuildAsync(db, workPlanId, cancellationToken);

    /// <summary>The Laporan a Pemeriksa has submitted (any revision), newest first, with their plan and letter.</summary>
    public Task<List<MaintenanceReport>> SubmittedByAsync(string inspectorId, CancellationToken cancellationToken = default) =>
        db.MaintenanceReports.AsNoTracking()
            .Include(r => r.WorkPlan).ThenInclude(p => p!.Letter)
            .Include(r => r.Submissions).Include(r => r.Reviews)
            .Where(r => r.Submissions.Any(s => s.SubmittedById == inspectorId))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

    public Task<long?> ArchiveIdOfAsync(Guid reportId, CancellationToken cancellationToken = default) =>
        db.ArchivedReports.Where(a => a.ReportId == reportId).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<List<ArchivedReport>> ArchivedAsync(CancellationToken cancellationToken = default) =>
        db.ArchivedReports.AsNoTracking().OrderByDescending(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>The newest submitted snapshot of a report and the Catatan of its newest return.</summary>
    public async Task<(string? SnapshotJson, string? ReturnNotes)> LatestSubmissionAsync(Guid reportId, CancellationToken cancellationToken = default)
    {
        var json = await db.ReportSubmissions.AsNoTracking().Where(s => s.ReportId == reportId)
            .OrderByDescending(s => s.Revision).Select(s => s.SnapshotJson).FirstOrDefaultAsync(cancellationToken);
        var returned = await db.ReportReviews.AsNoTracking().Where(r => r.ReportId == reportId && r.Decision == ReviewDecision.Returned)
            .OrderByDescending(r => r.Revision).Select(r => r.Notes).FirstOrDefaultAsync(cancellationToken);
        return (json, returned);
    }

    /// <summary>The Catatan of a plan's newest return.</summary>
    public Task<string?> LatestReturnNotesOfPlanAsync(Guid planId, CancellationToken cancellationToken = default) =>
        db.ReportReviews.AsNoTracking()
            .Where(r => r.Decision == ReviewDecision.Returned && db.MaintenanceReports.Any(m => m.Id == r.ReportId && m.WorkPlanId == planId))
            .OrderByDescending(r => r.ReviewedAtUtc).Select(r => r.Notes).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The last completed checklists on each piece of equipment in a plan, from other plans, with their plan's state.</summary>
    public async Task<List<(ChecklistExecution Execution, SopState PlanState)>> EquipmentHistoryAsync(
        Guid planId, int perEquipment, CancellationToken cancellationToken = default)
    {
        var equipmentIds = await db.WorkPlanItems.Where(i => i.PlanId == planId).Select(i => i.EquipmentId).Distinct().ToListAsync(cancellationToken);
        var entries = new List<(ChecklistExecution, SopState)>();
        foreach (var equipmentId in equipmentIds)
        {
            var executions = await db.ChecklistExecutions.AsNoTracking()
                .Include(e => e.Answers).ThenInclude(a => a.TemplateItem)
                .Include(e => e.WorkPlanItem).ThenInclude(i => i!.Template)
                .Include(e => e.WorkPlanItem).ThenInclude(i => i!.Equipment)
                .Where(e => e.WorkPlanItem!.EquipmentId == equipmentId && e.WorkPlanItem.PlanId != planId && e.Status == ExecutionStatus.Completed)
                .OrderByDescending(e => e.FinishedAtUtc)
                .Take(perEquipment)
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            var planIds = executions.Select(e => e.WorkPlanItem!.PlanId).Distinct().ToList();
            var states = await db.WorkPlans.Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.State, cancellationToken);
            entries.AddRange(executions.Select(e => (e, states.GetValueOrDefault(e.WorkPlanItem!.PlanId))));
        }

        return entries;
    }
}
