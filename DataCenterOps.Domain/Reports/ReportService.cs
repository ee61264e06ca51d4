using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Reports;

/// <summary>Step 4: a Pemeriksa of the plan submits the executed Rencana Kerja as the Laporan, into the Pengawas' queue.</summary>
public sealed class ReportService(DataCenterOpsDbContext db, TimeProvider time, AuditLog audit)
{
    public async Task<MaintenanceReport> SubmitAsync(Actor actor, Guid workPlanId, CancellationToken cancellationToken = default)
    {
        var plan = SopGuard.Found(
            await db.WorkPlans.Include(p => p.Letter).Include(p => p.Items).ThenInclude(i => i.Execution)
                .FirstOrDefaultAsync(p => p.Id == workPlanId, cancellationToken),
            "The Rencana Kerja");
        WorkPlanService.RefuseRevoked(plan.Letter!);
        SopGuard.Site(actor, plan.Letter!.SiteId);
        var before = WorkPlanService.Snapshot(plan);
        var transition = SopTransitions.Authorize(plan.State, SopAction.SubmitReport, actor);
        SopGuard.Person(plan.Items.Any(i => i.InspectorId == actor.UserId), SopError.NotAssignedInspector, "OnlyPlanInspectorSubmits",
            "Only a Pemeriksa with items in this Rencana Kerja may submit its Laporan.");
        var open = plan.Items.Count(i => i.Execution?.Status != ExecutionStatus.Completed);
        if (open > 0)
        {
            throw new SopRuleViolationException(SopError.ChecklistIncomplete, $"{open} checklist(s) are not completed yet.", "ChecklistsOpen", open);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var report = await db.MaintenanceReports.FirstOrDefaultAsync(r => r.WorkPlanId == plan.Id, cancellationToken);
        if (report is null)
        {
            report = new MaintenanceReport { WorkPlanId = plan.Id };
            db.MaintenanceReports.Add(report);
        }

        report.Revision++;
        var snapshot = await ReportContentBuilder.BuildAsync(db, plan.Id, cancellationToken);
        db.ReportSubmissions.Add(new ReportSubmission
        {
            ReportId = report.Id,
            Revision = report.Revision,
            SubmittedById = actor.UserId,
            SubmittedAtUtc = now,
            SnapshotJson = ReportContentBuilder.Serialize(snapshot with { ReportId = report.Id }),
        });
        plan.MoveTo(transition.To, now);
        audit.Write(actor, "ReportSubmitted", nameof(MaintenanceReport), report.Id.ToString(), before,
            new { report.Revision, State = plan.State.ToString() });
        await SopGuard.SaveAsync(db, cancellationToken);
        return report;
    }
}
