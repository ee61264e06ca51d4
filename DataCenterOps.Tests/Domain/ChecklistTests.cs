using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain;

/// <remarks>Runs on both providers: <c>ChecklistTests+Sqlite</c> and <c>ChecklistTests+PostgreSql</c>.</remarks>
public abstract class ChecklistTests(StorageProvider provider)
{
    public sealed class Sqlite() : ChecklistTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : ChecklistTests(StorageProvider.PostgreSql);

    [Fact]
    public async Task OutOfRangeReading_OnceConfirmed_IsStoredAndFlagged()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var (executionId, item) = await ReadyAsync(database, i => i.Kind == ChecklistItemKind.Reading && i.Max is not null);

        await using (var db = database.NewContext())
        {
            var answer = await new ChecklistService(db, database.Time, new AuditLog(db, database.Time))
                .AnswerAsync(People.Actor(People.Inspector1), executionId, item.Id, new AnswerInput(Reading: item.Max!.Value + 10, Confirmed: true));
            Assert.True(answer.IsFlagged);
        }

        await using var check = database.NewContext();
        var stored = await check.ChecklistAnswers.SingleAsync(a => a.ExecutionId == executionId);
        Assert.Equal(item.Max!.Value + 10, stored.Reading);
        Assert.True(stored.IsFlagged);
    }

    [Fact]
    public async Task InRangeReading_IsNotFlagged_AndFailIs()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var (executionId, reading) = await ReadyAsync(database, i => i.Kind == ChecklistItemKind.Reading && i.Min is not null);
        await using var db = database.NewContext();
        var service = new ChecklistService(db, database.Time, new AuditLog(db, database.Time));
        var passFail = await db.ChecklistTemplateItems.FirstAsync(i => i.TemplateId == reading.TemplateId && i.Kind == ChecklistItemKind.PassFail);

        Assert.False((await service.AnswerAsync(People.Actor(People.Inspector1), executionId, reading.Id, new AnswerInput(Reading: reading.Min))).IsFlagged);
        Assert.True((await service.AnswerAsync(People.Actor(People.Inspector1), executionId, passFail.Id, new AnswerInput(PassFail: PassFailResult.Fail))).IsFlagged);
    }

    [Fact]
    public async Task EachAnswer_IsPersisted_TheMomentItIsGiven()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var (executionId, item) = await ReadyAsync(database, i => i.Kind == ChecklistItemKind.PassFail);

        // The browser drops right after the answer: the context is thrown away without any further call.
        await using (var db = database.NewContext())
        {
            await new ChecklistService(db, database.Time, new AuditLog(db, database.Time))
                .AnswerAsync(People.Actor(People.Inspector1), executionId, item.Id, new AnswerInput(PassFail: PassFailResult.Pass));
        }

        await using var check = database.NewContext();
        var execution = await check.ChecklistExecutions.Include(e => e.Answers).SingleAsync(e => e.Id == executionId);
        Assert.Equal(PassFailResult.Pass, execution.Answers.Single().PassFail);
        Assert.Equal(ExecutionStatus.InProgress, execution.Status);
        Assert.Equal(TestDatabase.SopStart.UtcDateTime, execution.StartedAtUtc);
    }

    [Fact]
    public async Task Complete_IsRefused_WhileRequiredItemsAreUnanswered()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var (executionId, _) = await ReadyAsync(database, _ => true);
        await using var db = database.NewContext();
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            new ChecklistService(db, database.Time, new AuditLog(db, database.Time)).CompleteAsync(People.Actor(People.Inspector1), executionId));
        Assert.Equal(SopError.ChecklistIncomplete, error.Code);
    }

    [Fact]
    public async Task Submit_IsRefused_WhileAChecklistIsOpen()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        await ReadyAsync(database, _ => true);
        var flow = database.LastFlow!;
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => flow.SubmitAsync());
        Assert.Equal(SopError.ChecklistIncomplete, error.Code);
    }

    [Fact]
    public async Task Notes_AreSavedWithStartAndFinishTimes()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var (executionId, _) = await ReadyAsync(database, _ => true);
        await using (var db = database.NewContext())
        {
            await new ChecklistService(db, database.Time, new AuditLog(db, database.Time)).SaveNotesAsync(People.Actor(People.Inspector1), executionId, "Debu di filter", "Filter dibersihkan");
        }

        database.Time.Advance(TimeSpan.FromMinutes(40));
        await database.LastFlow!.CompleteChecklistsAsync();
        await using var check = database.NewContext();
        var execution = await check.ChecklistExecutions.SingleAsync(e => e.Id == executionId);
        Assert.Equal("Debu di filter", execution.Findings);
        Assert.Equal("Filter dibersihkan", execution.ActionsTaken);
        Assert.Equal(ExecutionStatus.Completed, execution.Status);
        Assert.Equal(TimeSpan.FromMinutes(40), execution.FinishedAtUtc - execution.StartedAtUtc);
    }

    private static async Task<(Guid ExecutionId, ChecklistTemplateItem Item)> ReadyAsync(TestDatabase database, Func<ChecklistTemplateItem, bool> pick)
    {
        var flow = new SopFlow(database);
        database.LastFlow = flow;
        await flow.ToAsync(SopState.Planning);
        await flow.PublishAsync();
        var (executionId, _) = (await flow.ExecutionsAsync()).Single();
        await using var db = database.NewContext();
        var execution = (await new ChecklistService(db, database.Time, new AuditLog(db, database.Time)).FindAsync(executionId))!;
        return (executionId, execution.WorkPlanItem!.Template!.Items.OrderBy(i => i.Order).First(pick));
    }
}
