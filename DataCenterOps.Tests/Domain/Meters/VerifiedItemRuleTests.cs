using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain.Meters;

/// <summary>Verified checklist items: the answer is the evidence monitoring gave, never typed; GAGAL needs a finding.</summary>
public abstract class VerifiedItemRuleTests(StorageProvider provider)
{
    public sealed class Sqlite() : VerifiedItemRuleTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : VerifiedItemRuleTests(StorageProvider.PostgreSql);

    [Fact]
    public async Task ConfirmedEvidence_IsStoredWithTheAnswer_AndCarriedByTheReport()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var (flow, executionId, item) = await GensetRunAsync(database);
        var verifier = new FixedVerifier(new HistoryEvidence(HistoryVerdict.Met,
            new Dictionary<string, double> { ["minutes"] = 34, ["load_percent"] = 41.04 }, "terverifikasi dari monitoring: 34 menit pada 41 % — terpenuhi"));

        await using (var db = database.NewContext())
        {
            var answer = await Service(db, database, verifier).ConfirmAsync(People.Actor(People.Inspector1), executionId, item.Id);
            Assert.Equal((PassFailResult.Pass, HistoryVerdict.Met, false), (answer.PassFail, answer.Verdict, answer.IsFlagged));
        }

        // The window: the item's planned day in Sop:TimeZone (local midnight), up to now, on the monitored device.
        var check = Assert.Single(verifier.Checks);
        Assert.Equal(("genset-1", HistoryRules.GensetExerciseRun, 30d), (check.DeviceId, check.Rule, check.Min));
        Assert.Equal(new DateTime(2026, 3, 1, 16, 0, 0, DateTimeKind.Utc), check.FromUtc);
        Assert.Equal(database.Now, check.ToUtc);

        await using (var db = database.NewContext())
        {
            var content = await ReportContentBuilder.BuildAsync(db, flow.PlanId, CancellationToken.None);
            var stored = content.Items.SelectMany(i => i.Answers).Single(a => a.Kind == nameof(ChecklistItemKind.Verified));
            Assert.Equal("terverifikasi dari monitoring: 34 menit pada 41 % — terpenuhi", stored.Evidence);
            Assert.Equal("""{"load_percent":41.04,"minutes":34}""", stored.EvidenceFigures);
            Assert.Equal(nameof(HistoryVerdict.Met), stored.Verdict);
            Assert.Contains("terverifikasi dari monitoring", ReportContentBuilder.Serialize(content), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(HistoryVerdict.NotMet)]
    [InlineData(HistoryVerdict.NoData)]
    public async Task NotMetOrNoData_IsAGagal_AndTheChecklistNeedsAFinding(HistoryVerdict verdict)
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var (_, executionId, item) = await GensetRunAsync(database);
        var verifier = new FixedVerifier(new HistoryEvidence(verdict, new Dictionary<string, double>(), "tanpa data"));
        var inspector = People.Actor(People.Inspector1);

        await using var db = database.NewContext();
        var checklists = new ChecklistService(db, database.Time, new AuditLog(db, database.Time));
        var answer = await Service(db, database, verifier).ConfirmAsync(inspector, executionId, item.Id);
        Assert.Equal((PassFailResult.Fail, true), (answer.PassFail, answer.IsFlagged));
        foreach (var other in (await checklists.FindAsync(executionId))!.WorkPlanItem!.Template!.Items
            .Where(i => i.Kind is not (ChecklistItemKind.Photo or ChecklistItemKind.Verified)))
        {
            await checklists.AnswerAsync(inspector, executionId, other.Id, SopFlow.GoodAnswer(other));
        }

        var refused = await Assert.ThrowsAsync<SopRuleViolationException>(() => checklists.CompleteAsync(inspector, executionId));
        Assert.Equal("FailNeedsFinding", refused.MessageKey);
        await checklists.SaveNotesAsync(inspector, executionId, "Genset tidak dijalankan 30 menit", null);
        await checklists.CompleteAsync(inspector, executionId);
    }

    [Fact]
    public async Task VerifiedItem_CannotBeTyped_NorConfirmedByAnotherPemeriksa()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var (_, executionId, item) = await GensetRunAsync(database);
        var verifier = new FixedVerifier(new HistoryEvidence(HistoryVerdict.Met, new Dictionary<string, double>(), "ok"));

        await using var db = database.NewContext();
        var typed = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            new ChecklistService(db, database.Time, new AuditLog(db, database.Time))
                .AnswerAsync(People.Actor(People.Inspector1), executionId, item.Id, new AnswerInput(PassFail: PassFailResult.Pass)));
        Assert.Equal("VerifiedFromHistory", typed.MessageKey);
        var other = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            Service(db, database, verifier).ConfirmAsync(People.Actor(People.Inspector2), executionId, item.Id));
        Assert.Equal("OnlyAssignedInspectorFills", other.MessageKey);
        Assert.Empty(verifier.Checks);
    }

    private static VerifiedItemService Service(DataCenterOpsDbContext db, TestDatabase database, IHistoryVerifier verifier) =>
        new(new ChecklistService(db, database.Time, new AuditLog(db, database.Time)), verifier, database.Options, database.Time);

    /// <summary>A published plan with the genset's monthly load run for Pemeriksa 1; its execution and verified item.</summary>
    private static async Task<(SopFlow Flow, Guid ExecutionId, ChecklistTemplateItem Item)> GensetRunAsync(TestDatabase database)
    {
        var flow = new SopFlow(database) { Kinds = [EquipmentKind.Genset] };
        await flow.DraftAsync();
        await flow.IssueAsync();
        await flow.CreatePlanAsync();
        await flow.AddItemAsync("genset-1", "genset-monthly-load");
        await flow.PublishAsync();
        await using var db = database.NewContext();
        var execution = await db.ChecklistExecutions.Include(e => e.WorkPlanItem).ThenInclude(i => i!.Template).ThenInclude(t => t!.Items)
            .SingleAsync(e => e.WorkPlanItem!.PlanId == flow.PlanId);
        return (flow, execution.Id, execution.WorkPlanItem!.Template!.Items.Single(i => i.Kind == ChecklistItemKind.Verified));
    }

    private sealed class FixedVerifier(HistoryEvidence evidence) : IHistoryVerifier
    {
        public List<HistoryCheck> Checks { get; } = [];

        public Task<HistoryEvidence> VerifyAsync(HistoryCheck check, CancellationToken cancellationToken)
        {
            Checks.Add(check);
            return Task.FromResult(evidence);
        }
    }
}
