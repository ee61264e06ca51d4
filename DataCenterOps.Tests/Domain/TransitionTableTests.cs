using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain;

/// <summary>Every (state, action) pair: legal ones succeed through the services, all others are refused.</summary>
/// <remarks>Runs on both providers: <c>TransitionTableTests+Sqlite</c> and <c>TransitionTableTests+PostgreSql</c>.</remarks>
public abstract class TransitionTableTests(StorageProvider provider)
{
    public sealed class Sqlite() : TransitionTableTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : TransitionTableTests(StorageProvider.PostgreSql);

    private static readonly HashSet<(SopState, SopAction)> s_legal =
    [
        (SopState.LetterDraft, SopAction.IssueLetter),
        (SopState.LetterDraft, SopAction.RevokeLetter),
        (SopState.LetterIssued, SopAction.RevokeLetter),
        (SopState.LetterIssued, SopAction.CreatePlan),
        (SopState.Planning, SopAction.EditPlan),
        (SopState.Planning, SopAction.PublishPlan),
        (SopState.InExecution, SopAction.AnswerChecklist),
        (SopState.Returned, SopAction.AnswerChecklist),
        (SopState.InExecution, SopAction.SubmitReport),
        (SopState.Returned, SopAction.SubmitReport),
        (SopState.InReview, SopAction.ApproveReport),
        (SopState.InReview, SopAction.ReturnReport),
        (SopState.Approved, SopAction.ArchiveReport),
    ];

    private static readonly SopState[] s_letterStates = [SopState.LetterDraft, SopState.LetterIssued, SopState.Revoked];
    private static readonly SopAction[] s_letterActions = [SopAction.IssueLetter, SopAction.RevokeLetter, SopAction.CreatePlan];

    public static TheoryData<SopState, SopAction> AllPairs()
    {
        var data = new TheoryData<SopState, SopAction>();
        foreach (var state in Enum.GetValues<SopState>())
        {
            foreach (var action in Enum.GetValues<SopAction>())
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    /// <summary>Pairs that can be tried on real work: letter actions on letters, plan actions on plans.</summary>
    public static TheoryData<SopState, SopAction> ReachablePairs()
    {
        var data = new TheoryData<SopState, SopAction>();
        foreach (var state in Enum.GetValues<SopState>())
        {
            foreach (var action in Enum.GetValues<SopAction>())
            {
                if (s_letterStates.Contains(state) == s_letterActions.Contains(action))
                {
                    data.Add(state, action);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Table_AllowsExactlyTheSopMoves(SopState state, SopAction action)
    {
        var legal = s_legal.Contains((state, action));
        Assert.Equal(legal, SopTransitions.Find(state, action) is not null);
        if (!legal)
        {
            var error = Assert.Throws<SopRuleViolationException>(() => SopTransitions.Require(state, action));
            Assert.Equal(SopError.IllegalTransition, error.Code);
        }
    }

    [Theory]
    [MemberData(nameof(ReachablePairs))]
    public async Task Services_PerformLegalMoves_AndRefuseIllegalOnes(SopState state, SopAction action)
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(state);
        var legal = s_legal.Contains((state, action));

        var attempt = Record.ExceptionAsync(() => PerformAsync(database, flow, action));
        var error = await attempt;

        if (legal)
        {
            Assert.Null(error);
            var expected = SopTransitions.Require(state, action).To;
            var actual = s_letterStates.Contains(expected) ? await flow.LetterStateAsync() : await flow.PlanStateAsync();
            Assert.Equal(expected, actual);
        }
        else
        {
            var violation = Assert.IsType<SopRuleViolationException>(error);
            Assert.Contains(violation.Code, new[] { SopError.IllegalTransition, SopError.NotFound, SopError.LetterRevoked });
            var after = s_letterStates.Contains(state) ? await flow.LetterStateAsync() : await flow.PlanStateAsync();
            Assert.Equal(state, after);
        }
    }

    private static async Task PerformAsync(TestDatabase database, SopFlow flow, SopAction action)
    {
        await using var db = database.NewContext();
        switch (action)
        {
            case SopAction.IssueLetter:
                await flow.IssueAsync();
                break;
            case SopAction.RevokeLetter:
                await flow.RevokeAsync();
                break;
            case SopAction.CreatePlan:
                await flow.CreatePlanAsync();
                break;
            case SopAction.EditPlan:
                await flow.AddItemAsync("ups-2");
                break;
            case SopAction.PublishPlan:
                await flow.PublishAsync();
                break;
            case SopAction.AnswerChecklist:
                var execution = await db.ChecklistExecutions.FirstOrDefaultAsync(e => e.WorkPlanItem!.PlanId == flow.PlanId)
                    ?? throw new SopRuleViolationException(SopError.NotFound, "No checklist yet.");
                var item = await db.ChecklistTemplateItems.FirstAsync(i => i.TemplateId == db.WorkPlanItems.Single(w => w.Id == execution.WorkPlanItemId).TemplateId);
                var checklists = new ChecklistService(db, database.Time, new AuditLog(db, database.Time));
                if (execution.Status == ExecutionStatus.Completed)
                {
                    // Completed checklists change only after an explicit, audited reopen.
                    await checklists.ReopenAsync(People.Actor(execution.InspectorId), execution.Id, "Koreksi");
                }

                await checklists.AnswerAsync(People.Actor(execution.InspectorId), execution.Id, item.Id, SopFlow.GoodAnswer(item));
                break;
            case SopAction.SubmitReport:
                await flow.SubmitAsync();
                break;
            case SopAction.ApproveReport:
                await Reported(flow, () => flow.ApproveAsync());
                break;
            case SopAction.ReturnReport:
                await Reported(flow, () => flow.ReturnAsync());
                break;
            case SopAction.ArchiveReport:
                await Reported(flow, () => flow.ArchiveAsync());
                break;
        }
    }

    // Review and archive act on the Laporan, which exists only once the work was submitted.
    private static Task Reported(SopFlow flow, Func<Task> action) =>
        flow.ReportId == Guid.Empty ? throw new SopRuleViolationException(SopError.NotFound, "No Laporan yet.") : action();
}
