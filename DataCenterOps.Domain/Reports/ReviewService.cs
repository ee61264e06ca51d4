using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Reports;

/// <summary>
/// Step 5: the Pengawas who issued the Surat Tugas approves the Laporan or returns it with Catatan.
/// The approver is never someone who executed any of its checklists.
/// </summary>
public sealed class ReviewService(DataCenterOpsDbContext db, TimeProvider time, AuditLog audit)
{
    public Task<ReportReview> ApproveAsync(Actor actor, Guid reportId, string? notes, CancellationToken cancellationToken = default) =>
        DecideAsync(actor, reportId, ReviewDecision.Approved, notes, cancellationToken);

    /// <summary>Sends the Laporan back to the Pemeriksa; the Catatan say what to fix.</summary>
    public Task<ReportReview> ReturnAsync(Actor actor, Guid reportId, string notes, CancellationToken cancellationToken = default) =>
        DecideAsync(actor, reportId, ReviewDecision.Returned, notes, cancellationToken);

    /// <summary>Reports waiting for this Pengawas (and, for his Plh./Plt., those of the Pengawas he stands in for).</summary>
    public async Task<IReadOnlyList<MaintenanceReport>> QueueAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var supervisors = (await StandInGuard.PrincipalsAsync(db, actor.UserId, time.GetUtcNow().UtcDateTime, cancellationToken)).Append(actor.UserId).ToList();
        return await db.MaintenanceReports
            .Include(r => r.WorkPlan).ThenInclude(p => p!.Letter)
            .Where(r => r.WorkPlan!.State == SopState.InReview && supervisors.Contains(r.WorkPlan.Letter!.SupervisorId))
            .OrderBy(r => r.WorkPlan!.StateSinceUtc)
            .ToListAsync(cancellationToken);
    }

    private async Task<ReportReview> DecideAsync(Actor actor, Guid reportId, ReviewDecision decision, string? notes, CancellationToken cancellationToken)
    {
        var report = SopGuard.Found(
            await db.MaintenanceReports.Include(r => r.WorkPlan).ThenInclude(p => p!.Letter)
                .FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken),
            "The Laporan");
        var plan = report.WorkPlan!;
        WorkPlanService.RefuseRevoked(plan.Letter!);
        SopGuard.Site(actor, plan.Letter!.SiteId);
        var before = WorkPlanService.Snapshot(plan);
        var action = decision == ReviewDecision.Approved ? SopAction.ApproveReport : SopAction.ReturnReport;
        var now = time.GetUtcNow().UtcDateTime;
        var act = await StandInGuard.ActingForAsync(db, actor, plan.Letter!.SupervisorId, now, cancellationToken);
        var transition = SopTransitions.Authorize(plan.State, action, act?.Actor ?? actor);
        SopGuard.Person(act is not null, SopError.NotNamedOnLetter, "OnlyIssuingSupervisorReviews",
            "Only the Pengawas who issued the Surat Tugas (or his Plh./Plt.) may review its Laporan.");
        // Separation of duties holds for a stand-in as for the Pengawas: nobody reviews work he executed or submitted.
        var executed = await db.ChecklistExecutions.AnyAsync(
            e => e.WorkPlanItem!.PlanId == plan.Id && (e.InspectorId == actor.UserId || e.Answers.Any(a => a.AnsweredById == actor.UserId)),
            cancellationToken)
            || await db.ReportSubmissions.AnyAsync(s => s.ReportId == report.Id && s.SubmittedById == actor.UserId, cancellationToken);
        if (executed)
        {
            throw new SopRuleViolationException(SopError.ApproverExecuted, "You executed part of this work, so you may not review it.", "ApproverExecuted");
        }

        var review = new ReportReview
        {
            ReportId = report.Id,
            Revision = report.Revision,
            Decision = decision,
            Notes = SopGuard.Text(notes, 4000, "Catatan", required: decision == ReviewDecision.Returned),
            ReviewerId = actor.UserId,
            ReviewedAtUtc = now,
            ReviewerStandIn = act!.Kind,
            OnBehalfOfId = act.StandIn?.PrincipalId,
        };
        db.ReportReviews.Add(review);
        plan.MoveTo(transition.To, now);
        audit.Write(actor, decision == ReviewDecision.Approved ? "ReportApproved" : "ReportReturned",
            nameof(MaintenanceReport), report.Id.ToString(), before, act.StandIn is null
                ? new { State = plan.State.ToString(), review.Notes, report.Revision }
                : new { State = plan.State.ToString(), review.Notes, report.Revision, StandIn = new { act.StandIn.Id, Kind = act.StandIn.Kind.ToString(), act.StandIn.PrincipalId } });
        await SopGuard.SaveAsync(db, cancellationToken);
        return review;
    }
}
