using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Maintenance;

/// <summary>Step 3: the assigned Pemeriksa fills a checklist. Each answer is saved the moment it is given.</summary>
public sealed class ChecklistService(DataCenterOpsDbContext db, TimeProvider time, AuditLog audit)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<ChecklistAnswer> AnswerAsync(
        Actor actor, Guid executionId, Guid templateItemId, AnswerInput input, CancellationToken cancellationToken = default)
    {
        var (execution, _) = await LoadForWorkAsync(actor, executionId, cancellationToken);
        var item = SopGuard.Found(
            await db.ChecklistTemplateItems.FirstOrDefaultAsync(
                i => i.Id == templateItemId && i.TemplateId == execution.WorkPlanItem!.TemplateId, cancellationToken),
            "The checklist item");

        var answer = execution.Answers.FirstOrDefault(a => a.TemplateItemId == item.Id);
        var before = answer is null ? null : Snapshot(answer);
        if (answer is null)
        {
            answer = new ChecklistAnswer { ExecutionId = execution.Id, TemplateItemId = item.Id };
            db.ChecklistAnswers.Add(answer);
        }

        if (item.Kind == ChecklistItemKind.Verified)
        {
            // Its answer is what monitoring history shows, confirmed through VerifiedItemService; never typed.
            throw new SopRuleViolationException(SopError.InvalidInput, $"{item.Prompt} is verified from monitoring history.", "VerifiedFromHistory", item.Prompt);
        }

        Apply(item, input, answer);
        answer.AnsweredById = actor.UserId;
        answer.AnsweredAtUtc = Now;
        execution.Start(Now);
        audit.Write(actor, "ChecklistAnswered", nameof(ChecklistExecution), execution.Id.ToString(), before, Snapshot(answer));
        await SopGuard.SaveAsync(db, cancellationToken);
        return answer;
    }

    /// <summary>Stores the evidence monitoring gave for a verified item: met is LULUS, not met or no data GAGAL (a finding required).</summary>
    internal async Task<ChecklistAnswer> AnswerVerifiedAsync(
        Actor actor, ChecklistExecution execution, ChecklistTemplateItem item, HistoryEvidence evidence, CancellationToken cancellationToken)
    {
        var answer = execution.Answers.FirstOrDefault(a => a.TemplateItemId == item.Id);
        var before = answer is null ? null : Snapshot(answer);
        if (answer is null)
        {
            answer = new ChecklistAnswer { ExecutionId = execution.Id, TemplateItemId = item.Id };
            db.ChecklistAnswers.Add(answer);
        }

        answer.Reading = null;
        answer.Text = null;
        answer.PhotoReference = null;
        answer.PassFail = evidence.Verdict == HistoryVerdict.Met ? PassFailResult.Pass : PassFailResult.Fail;
        answer.IsFlagged = evidence.Verdict != HistoryVerdict.Met;
        answer.Verdict = evidence.Verdict;
        answer.Evidence = SopGuard.Text(evidence.Text, 1000, item.Prompt);
        answer.EvidenceFigures = System.Text.Json.JsonSerializer.Serialize(
            new SortedDictionary<string, double>(evidence.Figures.ToDictionary(f => f.Key, f => Math.Round(f.Value, 2)), StringComparer.Ordinal));
        answer.AnsweredById = actor.UserId;
        answer.AnsweredAtUtc = Now;
        execution.Start(Now);
        audit.Write(actor, "ChecklistVerified", nameof(ChecklistExecution), execution.Id.ToString(), before, Snapshot(answer));
        await SopGuard.SaveAsync(db, cancellationToken);
        return answer;
    }

    public async Task SaveNotesAsync(Actor actor, Guid executionId, string? findings, string? actionsTaken, CancellationToken cancellationToken = default)
    {
        var (execution, _) = await LoadForWorkAsync(actor, executionId, cancellationToken);
        var before = new { execution.Findings, execution.ActionsTaken };
        execution.SetNotes(
            SopGuard.Text(findings, 4000, "Findings", required: false),
            SopGuard.Text(actionsTaken, 4000, "Actions taken", required: false));
        execution.Start(Now);
        audit.Write(actor, "ChecklistNotes", nameof(ChecklistExecution), execution.Id.ToString(), before,
            new { execution.Findings, execution.ActionsTaken });
        await SopGuard.SaveAsync(db, cancellationToken);
    }

    public async Task<ChecklistExecution> CompleteAsync(Actor actor, Guid executionId, CancellationToken cancellationToken = default)
    {
        var (execution, _) = await LoadForWorkAsync(actor, executionId, cancellationToken);
        var required = await db.ChecklistTemplateItems
            .Where(i => i.TemplateId == execution.WorkPlanItem!.TemplateId && i.Required && i.Kind != ChecklistItemKind.Photo)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
        var answered = execution.Answers.Where(a => a.HasValue).Select(a => a.TemplateItemId).ToHashSet();
        var missing = required.Count(id => !answered.Contains(id));
        if (missing > 0)
        {
            throw new SopRuleViolationException(SopError.ChecklistIncomplete, $"{missing} required item(s) are not answered yet.", "RequiredItemsOpen", missing);
        }

        // A GAGAL says something is wrong; the Laporan must say what: no completion without a finding.
        var failed = execution.Answers.Count(a => a.PassFail == PassFailResult.Fail);
        if (failed > 0 && string.IsNullOrWhiteSpace(execution.Findings))
        {
            throw new SopRuleViolationException(SopError.ChecklistIncomplete, $"{failed} item(s) failed: write the finding first.", "FailNeedsFinding", failed);
        }

        var before = execution.Status.ToString();
        execution.Start(Now);
        execution.Finish(Now);
        audit.Write(actor, "ChecklistCompleted", nameof(ChecklistExecution), execution.Id.ToString(),
            new { Status = before }, new { Status = execution.Status.ToString(), execution.FinishedAtUtc });
        await SopGuard.SaveAsync(db, cancellationToken);
        return execution;
    }

    /// <summary>
    /// "Selesaikan" ends a checklist; to change it again (e.g. after a return with Catatan) its Pemeriksa reopens it
    /// explicitly, with a reason that goes into the audit log.
    /// </summary>
    public async Task<ChecklistExecution> ReopenAsync(Actor actor, Guid executionId, string reason, CancellationToken cancellationToken = default)
    {
        var (execution, _) = await LoadForWorkAsync(actor, executionId, cancellationToken, allowFinished: true);
        if (execution.Status != ExecutionStatus.Completed)
        {
            throw new SopRuleViolationException(SopError.IllegalTransition, "Only a completed checklist can be reopened.", "ChecklistNotFinished");
        }

        var why = SopGuard.Text(reason, 1000, "Reason");
        var before = new { Status = execution.Status.ToString(), execution.FinishedAtUtc };
        execution.Reopen();
        audit.Write(actor, "ChecklistReopened", nameof(ChecklistExecution), execution.Id.ToString(), before,
            new { Status = execution.Status.ToString(), Reason = why });
        await SopGuard.SaveAsync(db, cancellationToken);
        return execution;
    }

    public async Task<ChecklistExecution?> FindAsync(Guid executionId, CancellationToken cancellationToken = default) =>
        await db.ChecklistExecutions
            .Include(e => e.Answers)
            .Include(e => e.WorkPlanItem).ThenInclude(i => i!.Template).ThenInclude(t => t!.Items)
            .Include(e => e.WorkPlanItem).ThenInclude(i => i!.Equipment)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == executionId, cancellationToken);

    internal async Task<(ChecklistExecution Execution, WorkPlan Plan)> LoadForWorkAsync(
        Actor actor, Guid executionId, CancellationToken cancellationToken, bool allowFinished = false)
    {
        var execution = SopGuard.Found(await FindAsync(executionId, cancellationToken), "The checklist");
        var plan = await db.WorkPlans.Include(p => p.Letter)
            .FirstAsync(p => p.Id == execution.WorkPlanItem!.PlanId, cancellationToken);
        WorkPlanService.RefuseRevoked(plan.Letter!);
        SopGuard.Site(actor, plan.Letter!.SiteId);
        SopTransitions.Authorize(plan.State, SopAction.AnswerChecklist, actor);
        SopGuard.Person(execution.InspectorId == actor.UserId, SopError.NotAssignedInspector, "OnlyAssignedInspectorFills", "Only the Pemeriksa assigned to this item may fill its checklist.");
        if (!allowFinished && execution.Status == ExecutionStatus.Completed)
        {
            throw new SopRuleViolationException(SopError.IllegalTransition, "The checklist is completed; reopen it with a reason to change it.", "ChecklistFinished");
        }

        return (execution, plan);
    }

    private static void Apply(ChecklistTemplateItem item, AnswerInput input, ChecklistAnswer answer)
    {
        answer.PassFail = null;
        answer.Reading = null;
        answer.Text = null;
        answer.PhotoReference = null;
        answer.IsFlagged = false;
        switch (item.Kind)
        {
            case ChecklistItemKind.PassFail:
                answer.PassFail = input.PassFail;
                answer.IsFlagged = input.PassFail == PassFailResult.Fail;
                break;
            case ChecklistItemKind.Reading:
                if (input.Reading is { } value && (double.IsNaN(value) || double.IsInfinity(value)))
                {
                    throw new SopRuleViolationException(SopError.InvalidInput, "A reading must be a finite number.", "ReadingNotFinite");
                }

                if (input.Reading is { } typed && item.NeedsConfirmation(typed) && !input.Confirmed)
                {
                    // Most often a slip of the separator or a digit: saved only once the Pemeriksa says it is what was measured.
                    throw new SopRuleViolationException(SopError.InvalidInput, $"{item.Prompt}: {typed} needs confirmation.", "ReadingNeedsConfirmation", item.Prompt, typed);
                }

                answer.Reading = input.Reading;
                // Out of range is recorded (once confirmed) and flagged: the reading is what was measured.
                answer.IsFlagged = input.Reading is { } reading && item.IsOutOfRange(reading);
                break;
            case ChecklistItemKind.Text:
                answer.Text = SopGuard.Text(input.Text, 4000, item.Prompt, required: false);
                break;
            case ChecklistItemKind.Photo:
                answer.PhotoReference = SopGuard.Text(input.PhotoReference, 500, item.Prompt, required: false);
                break;
        }
    }

    private static object Snapshot(ChecklistAnswer a) => new
    {
        a.TemplateItemId, PassFail = a.PassFail?.ToString(), a.Reading, a.Text, a.PhotoReference, a.IsFlagged,
        Verdict = a.Verdict?.ToString(), a.Evidence, a.EvidenceFigures,
    };
}
