using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain;

/// <summary>The right role is not enough: the person must be the one named on the letter or plan.</summary>
/// <remarks>Runs on both providers: <c>PersonAndRoleTests+Sqlite</c> and <c>PersonAndRoleTests+PostgreSql</c>.</remarks>
public abstract class PersonAndRoleTests(StorageProvider provider)
{
    public sealed class Sqlite() : PersonAndRoleTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : PersonAndRoleTests(StorageProvider.PostgreSql);

    [Fact]
    public async Task DraftLetter_IsRefused_ForOperator()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        await using var db = database.NewContext();
        var service = new AssignmentLetterService(db, database.Time, database.Options, new AuditLog(db, database.Time));
        var now = database.Time.GetUtcNow().UtcDateTime;
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => service.CreateDraftAsync(People.Actor(People.Operator),
            new NewAssignmentLetter("x", People.Manager, [People.Inspector1], [], [EquipmentKind.Ups], now, now.AddDays(1))));
        Assert.Equal(SopError.WrongRole, error.Code);
    }

    [Fact]
    public async Task DraftLetter_IsRefused_WhenNamedManagerLacksManagerRole()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        await using var db = database.NewContext();
        var service = new AssignmentLetterService(db, database.Time, database.Options, new AuditLog(db, database.Time));
        var now = database.Time.GetUtcNow().UtcDateTime;
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => service.CreateDraftAsync(People.Actor(People.Supervisor),
            new NewAssignmentLetter("x", People.Inspector1, [People.Inspector2], [], [EquipmentKind.Ups], now, now.AddDays(1))));
        Assert.Equal(SopError.WrongRole, error.Code);
    }

    [Fact]
    public async Task Issue_IsRefused_ForAnotherSupervisor()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.DraftAsync();
        await using var db = database.NewContext();
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            new AssignmentLetterService(db, database.Time, database.Options, new AuditLog(db, database.Time)).IssueAsync(People.Actor(People.OtherSupervisor), flow.LetterId));
        Assert.Equal(SopError.NotNamedOnLetter, error.Code);
    }

    [Fact]
    public async Task CreatePlan_IsRefused_ForManagerNotNamedOnLetter()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.LetterIssued);
        await using var db = database.NewContext();
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            new WorkPlanService(db, database.Time, database.Options, new AuditLog(db, database.Time)).CreateAsync(People.Actor(People.OtherManager), flow.LetterId, "x"));
        Assert.Equal(SopError.NotNamedOnLetter, error.Code);
    }

    [Fact]
    public async Task AddItem_IsRefused_ForInspectorNotOnLetter_EquipmentOutOfScope_AndDateOutsideValidity()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.Planning);
        var ups = await flow.EquipmentAsync("ups-1");
        var crac = await flow.EquipmentAsync("crac-1");
        var upsTemplate = await flow.TemplateAsync("ups-monthly");
        var cracTemplate = await flow.TemplateAsync("crac-daily");
        await using var db = database.NewContext();
        var service = new WorkPlanService(db, database.Time, database.Options, new AuditLog(db, database.Time));
        var manager = People.Actor(People.Manager);

        var notNamed = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            service.AddItemAsync(manager, flow.PlanId, ups, upsTemplate, flow.Today, People.UnnamedInspector));
        var outOfScope = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            service.AddItemAsync(manager, flow.PlanId, crac, cracTemplate, flow.Today, People.Inspector1));
        var tooLate = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            service.AddItemAsync(manager, flow.PlanId, ups, upsTemplate, flow.Today.AddDays(30), People.Inspector1));

        Assert.Equal(SopError.NotNamedOnLetter, notNamed.Code);
        Assert.Equal(SopError.OutOfScope, outOfScope.Code);
        Assert.Equal(SopError.OutsideValidity, tooLate.Code);
    }

    [Fact]
    public async Task Answer_IsRefused_ForOtherInspectorOnTheSameLetter()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.Planning);
        await flow.PublishAsync();
        var (executionId, _) = (await flow.ExecutionsAsync()).Single();
        await using var db = database.NewContext();
        var service = new ChecklistService(db, database.Time, new AuditLog(db, database.Time));
        var item = (await service.FindAsync(executionId))!.WorkPlanItem!.Template!.Items.First();

        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            service.AnswerAsync(People.Actor(People.Inspector2), executionId, item.Id, SopFlow.GoodAnswer(item)));
        Assert.Equal(SopError.NotAssignedInspector, error.Code);
    }

    [Fact]
    public async Task Submit_IsRefused_ForInspectorWithoutItems()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.InExecution);
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => flow.SubmitAsync(People.Inspector2));
        Assert.Equal(SopError.NotAssignedInspector, error.Code);
    }

    [Fact]
    public async Task Review_IsRefused_ForSupervisorWhoDidNotIssueTheLetter()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.InReview);
        await using var db = database.NewContext();
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            new ReviewService(db, database.Time, new AuditLog(db, database.Time)).ApproveAsync(People.Actor(People.OtherSupervisor), flow.ReportId, null));
        Assert.Equal(SopError.NotNamedOnLetter, error.Code);
    }

    [Fact]
    public async Task Approve_IsRefused_WhenApproverExecutedTheWork()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database)
        {
            Supervisor = People.SupervisorInspector,
            Inspectors = [People.SupervisorInspector],
            ItemInspector = People.SupervisorInspector,
        };
        await flow.ToAsync(SopState.InReview);
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(flow.ApproveAsync);
        Assert.Equal(SopError.ApproverExecuted, error.Code);
        Assert.Equal(SopState.InReview, await flow.PlanStateAsync());
    }

    [Fact]
    public async Task Archive_IsRefused_ForManagerNotNamedOnLetter()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.Approved);
        await using var db = database.NewContext();
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            new ArchiveService(db, database.Time, database.Key, new AuditLog(db, database.Time)).ArchiveAsync(People.Actor(People.OtherManager), flow.ReportId));
        Assert.Equal(SopError.NotNamedOnLetter, error.Code);
    }

    [Fact]
    public async Task ReturnedReport_GoesBackToInspector_AndKeepsEverySubmissionAndReview()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.Returned);
        await flow.CompleteChecklistsAsync();
        await flow.SubmitAsync();
        await flow.ApproveAsync();

        await using var db = database.NewContext();
        var report = await db.MaintenanceReports.Include(r => r.Submissions).Include(r => r.Reviews).SingleAsync(r => r.Id == flow.ReportId);
        Assert.Equal(2, report.Revision);
        Assert.Equal([1, 2], report.Submissions.Select(s => s.Revision).Order());
        Assert.Equal([ReviewDecision.Returned, ReviewDecision.Approved], report.Reviews.OrderBy(r => r.Revision).Select(r => r.Decision));
        Assert.Equal("Lengkapi foto", report.Reviews.Single(r => r.Revision == 1).Notes);
    }

    [Fact]
    public async Task RevokedLetter_NoLongerAuthorisesEntry_AndStopsTheWork()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.LetterIssued);
        var now = database.Time.GetUtcNow().UtcDateTime;
        await using (var db = database.NewContext())
        {
            var service = new AssignmentLetterService(db, database.Time, database.Options, new AuditLog(db, database.Time));
            Assert.True(await service.IsAuthorisedAsync(People.Inspector1, now));
            Assert.True(await service.IsAuthorisedAsync(People.Manager, now));
            Assert.False(await service.IsAuthorisedAsync(People.UnnamedInspector, now));
            Assert.False(await service.IsAuthorisedAsync(People.Inspector1, now.AddDays(8)));
        }

        await flow.RevokeAsync();
        await using var after = database.NewContext();
        Assert.False(await new AssignmentLetterService(after, database.Time, database.Options, new AuditLog(after, database.Time)).IsAuthorisedAsync(People.Inspector1, now));
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(flow.CreatePlanAsync);
        Assert.Equal(SopError.LetterRevoked, error.Code);
    }
}
