using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using DataCenterOps.Domain.Seeding;

namespace DataCenterOps.Tests.Domain;

/// <summary>
/// The evidence rules of a checklist (ups-monthly on ups-1): a doubtful reading is saved only once confirmed, a GAGAL
/// needs a finding, "Selesaikan" ends the checklist until it is reopened with a reason.
/// </summary>
public sealed class ChecklistRuleTests
{
    [Fact]
    public async Task OutOfRangeReading_IsRefused_UntilConfirmed()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        var (executionId, items) = await ReadyAsync(database);
        var voltage = items.Single(i => i.Prompt == ShippedNames.InputVoltage.Indonesian);

        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => AnswerAsync(database, executionId, voltage, new AnswerInput(Reading: 300)));

        Assert.Equal("ReadingNeedsConfirmation", error.MessageKey);
        Assert.Equal(300d, error.Arguments[1]);
        await using var check = database.NewContext();
        Assert.Empty(await check.ChecklistAnswers.Where(a => a.ExecutionId == executionId).ToListAsync());
    }

    [Fact]
    public async Task ReadingWithoutARange_IsStillHeldToItsPhysicalLimits()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.Planning);
        await flow.AddItemAsync(template: "vrla-quarterly");
        await flow.PublishAsync();
        await using var db = database.NewContext();
        var executionId = await db.ChecklistExecutions.Where(e => e.WorkPlanItem!.Template!.Code == "vrla-quarterly").Select(e => e.Id).SingleAsync();
        var execution = (await Service(db, database).FindAsync(executionId))!;
        var charger = execution.WorkPlanItem!.Template!.Items.Single(i => i.Prompt == ShippedNames.ChargerOutputVoltage.Indonesian);
        Assert.Null(charger.Min);
        Assert.Null(charger.Max);

        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            Service(db, database).AnswerAsync(People.Actor(People.Inspector1), executionId, charger.Id, new AnswerInput(Reading: 99_999)));
        Assert.Equal("ReadingNeedsConfirmation", error.MessageKey);

        var answer = await Service(db, database).AnswerAsync(People.Actor(People.Inspector1), executionId, charger.Id, new AnswerInput(Reading: 54.6));
        Assert.Equal(54.6, answer.Reading);
        Assert.False(answer.IsFlagged);
    }

    [Fact]
    public async Task ConfirmedImplausibleReading_IsStoredAsGiven()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        var (executionId, items) = await ReadyAsync(database);
        var voltage = items.Single(i => i.Prompt == ShippedNames.InputVoltage.Indonesian);

        var answer = await AnswerAsync(database, executionId, voltage, new AnswerInput(Reading: 1234.5, Confirmed: true));

        Assert.Equal(1234.5, answer.Reading);
        Assert.True(answer.IsFlagged);
    }

    [Fact]
    public async Task Complete_WithAGagal_IsRefused_UntilAFindingIsWritten()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        var (executionId, items) = await ReadyAsync(database);
        foreach (var item in items.Where(i => i.Kind is not (ChecklistItemKind.Photo or ChecklistItemKind.Verified)))
        {
            await AnswerAsync(database, executionId, item, item.Order == 1 ? new AnswerInput(PassFail: PassFailResult.Fail) : SopFlow.GoodAnswer(item));
        }

        await using (var db = database.NewContext())
        {
            var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => Service(db, database).CompleteAsync(People.Actor(People.Inspector1), executionId));
            Assert.Equal("FailNeedsFinding", error.MessageKey);
            Assert.Equal(SopError.ChecklistIncomplete, error.Code);
        }

        await using (var db = database.NewContext())
        {
            await Service(db, database).SaveNotesAsync(People.Actor(People.Inspector1), executionId, "Debu tebal di kisi-kisi UPS", null);
        }

        await using (var db = database.NewContext())
        {
            var done = await Service(db, database).CompleteAsync(People.Actor(People.Inspector1), executionId);
            Assert.Equal(ExecutionStatus.Completed, done.Status);
        }
    }

    [Fact]
    public async Task CompletedChecklist_IsReadOnly_UntilReopenedWithAReason_WhichIsAudited()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        var (executionId, items) = await ReadyAsync(database);
        foreach (var item in items.Where(i => i.Kind is not (ChecklistItemKind.Photo or ChecklistItemKind.Verified)))
        {
            await AnswerAsync(database, executionId, item, SopFlow.GoodAnswer(item));
        }

        await using (var db = database.NewContext())
        {
            await Service(db, database).CompleteAsync(People.Actor(People.Inspector1), executionId);
        }

        var first = items.First(i => i.Kind == ChecklistItemKind.PassFail);
        var answerError = await Assert.ThrowsAsync<SopRuleViolationException>(() => AnswerAsync(database, executionId, first, new AnswerInput(PassFail: PassFailResult.Fail)));
        Assert.Equal("ChecklistFinished", answerError.MessageKey);
        await using (var db = database.NewContext())
        {
            var notesError = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
                Service(db, database).SaveNotesAsync(People.Actor(People.Inspector1), executionId, "later", null));
            Assert.Equal("ChecklistFinished", notesError.MessageKey);
            var noReason = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
                Service(db, database).ReopenAsync(People.Actor(People.Inspector1), executionId, "  "));
            Assert.Equal("Required", noReason.MessageKey);
            var otherInspector = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
                Service(db, database).ReopenAsync(People.Actor(People.Inspector2), executionId, "Saya ingin mengubah"));
            Assert.Equal(SopError.NotAssignedInspector, otherInspector.Code);
        }

        await using (var db = database.NewContext())
        {
            var reopened = await Service(db, database).ReopenAsync(People.Actor(People.Inspector1), executionId, "Salah ketik tegangan");
            Assert.Equal(ExecutionStatus.InProgress, reopened.Status);
            Assert.Null(reopened.FinishedAtUtc);
        }

        await AnswerAsync(database, executionId, first, new AnswerInput(PassFail: PassFailResult.Pass));
        await using var check = database.NewContext();
        var audit = await check.AuditEntries.SingleAsync(a => a.Action == "ChecklistReopened");
        Assert.Equal(People.Inspector1, audit.ActorId);
        Assert.Equal(executionId.ToString(), audit.EntityId);
        Assert.Contains("Salah ketik tegangan", audit.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopen_OfAnOpenChecklist_IsRefused()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        var (executionId, _) = await ReadyAsync(database);
        await using var db = database.NewContext();

        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            Service(db, database).ReopenAsync(People.Actor(People.Inspector1), executionId, "Tidak perlu"));

        Assert.Equal("ChecklistNotFinished", error.MessageKey);
    }

    private static ChecklistService Service(DataCenterOps.Domain.Persistence.DataCenterOpsDbContext db, TestDatabase database) =>
        new(db, database.Time, new AuditLog(db, database.Time));

    private static async Task<ChecklistAnswer> AnswerAsync(TestDatabase database, Guid executionId, ChecklistTemplateItem item, AnswerInput input)
    {
        await using var db = database.NewContext();
        return await Service(db, database).AnswerAsync(People.Actor(People.Inspector1), executionId, item.Id, input);
    }

    private static async Task<(Guid ExecutionId, List<ChecklistTemplateItem> Items)> ReadyAsync(TestDatabase database)
    {
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.Planning);
        await flow.PublishAsync();
        var (executionId, _) = (await flow.ExecutionsAsync()).Single();
        await using var db = database.NewContext();
        var execution = (await Service(db, database).FindAsync(executionId))!;
        return (executionId, execution.WorkPlanItem!.Template!.Items.OrderBy(i => i.Order).ToList());
    }
}
