using Bunit;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Tests.Domain;
using DataCenterOps.Web.Features.Steps.Components.Checklist;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace DataCenterOps.Tests.Web.Features.Steps;

/// <summary>The checklist form on the real services and a real SQLite file (ups-monthly on ups-1: item 4 is input voltage 207–253 V, item 7 the load).</summary>
public sealed class ChecklistFormTests : BunitSetup
{
    [Fact]
    public async Task ClickingAnAnswer_SavesItAtOnce_AndShowsIt()
    {
        var executionId = await PublishedChecklistAsync();
        SignIn(People.Inspector1);

        var cut = Render(executionId);
        cut.WaitForElement("button[data-answer='1-Pass']").Click();

        await using var db = Database.NewContext();
        var answer = await db.ChecklistAnswers.SingleAsync(a => a.ExecutionId == executionId);
        Assert.Equal(PassFailResult.Pass, answer.PassFail);
        cut.WaitForAssertion(() => Assert.Contains("mud-button-filled", cut.Find("button[data-answer='1-Pass']").ClassName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailedItem_IsFlagged_OnScreen()
    {
        var executionId = await PublishedChecklistAsync();
        SignIn(People.Inspector1);

        var cut = Render(executionId);
        cut.WaitForElement("button[data-answer='1-Fail']").Click();

        cut.WaitForElement("[data-flagged='1']");
        Assert.Contains("flagged", cut.Find("[data-item='1']").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfRangeReading_OnceConfirmed_IsRecorded_AndStandsOut()
    {
        var executionId = await PublishedChecklistAsync();
        SignIn(People.Inspector1);

        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render(executionId);
        cut.WaitForElement("[data-item='4'] input").Change("300");
        dialogs.WaitForElement("[data-testid='confirm-ok']").Click();

        cut.WaitForElement("[data-flagged='4']");
        Assert.Contains("flagged", cut.Find("[data-item='4']").ClassName, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Contains("1", cut.Find("[data-testid='flag-count']").TextContent, StringComparison.Ordinal));
        await using var db = Database.NewContext();
        var answer = await db.ChecklistAnswers.SingleAsync(a => a.ExecutionId == executionId);
        Assert.Equal(300, answer.Reading);
        Assert.True(answer.IsFlagged);
    }

    [Fact]
    public async Task ReadingInRange_IsNotFlagged()
    {
        var executionId = await PublishedChecklistAsync();
        SignIn(People.Inspector1);

        var cut = Render(executionId);
        cut.WaitForElement("[data-item='4'] input").Change("230");

        cut.WaitForElement("[data-saved='4']");
        Assert.Empty(cut.FindAll("[data-flagged='4']"));
    }

    [Fact]
    public async Task ProgressBar_AndSavedIndicator_FollowTheAnswers()
    {
        var executionId = await PublishedChecklistAsync();
        SignIn(People.Inspector1);

        var cut = Render(executionId);
        var progress = cut.WaitForElement("[data-testid='progress']");
        Assert.Equal("0", progress.GetAttribute("data-answered"));
        Assert.Equal("8", progress.GetAttribute("data-required"));
        Assert.Equal("Idle", cut.Find("[data-testid='saved-indicator']").GetAttribute("data-state"));

        cut.Find("button[data-answer='1-Pass']").Click();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid='progress']").GetAttribute("data-answered")));
        Assert.Equal("Saved", cut.Find("[data-testid='saved-indicator']").GetAttribute("data-state"));
        cut.Find("button[data-answer='2-Pass']").Click();
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid='progress']").GetAttribute("data-answered")));
    }

    [Fact]
    public async Task Complete_WithRequiredItemsUnanswered_MarksThem_AndDoesNotComplete()
    {
        var executionId = await PublishedChecklistAsync();
        SignIn(People.Inspector1);

        var cut = Render(executionId);
        cut.WaitForElement("button[data-answer='1-Pass']").Click();
        cut.WaitForElement("[data-saved='1']");
        cut.Find("button[data-testid='complete']").Click();

        cut.WaitForElement("[data-testid='checklist-error']");
        Assert.Empty(cut.FindAll("[data-missing='1']"));
        Assert.NotEmpty(cut.FindAll("[data-missing='2']"));
        Assert.Empty(cut.FindAll("[data-missing='3']")); // the free-text remark is optional
        await using var db = Database.NewContext();
        Assert.NotEqual(ExecutionStatus.Completed, (await db.ChecklistExecutions.SingleAsync(e => e.Id == executionId)).Status);
    }

    [Fact]
    public async Task Complete_WhenEverythingIsAnswered_OffersSubmit_WhichSendsTheReport()
    {
        var flow = new SopFlow(Database);
        var executionId = await PublishedChecklistAsync(flow);
        await AnswerEverythingAsync(executionId);
        SignIn(People.Inspector1);

        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render(executionId);
        cut.WaitForElement("button[data-testid='complete']").Click();
        dialogs.WaitForElement("[data-testid='confirm-ok']").Click();
        cut.WaitForElement("[data-testid='finished']");
        cut.WaitForElement("button[data-testid='submit-report']").Click();
        dialogs.WaitForElement("[data-testid='confirm-preview']");
        Assert.Equal(SopState.InExecution, await flow.PlanStateAsync()); // nothing is sent before the confirmation
        dialogs.Find("[data-testid='confirm-ok']").Click();

        cut.WaitForAssertion(() => Assert.Equal(SopState.InReview, flow.PlanStateAsync().GetAwaiter().GetResult()));
    }

    [Fact]
    public async Task MonitoredReading_OffersTheLiveValue_AndOneTapRecordsIt()
    {
        var executionId = await PublishedChecklistAsync();
        var live = new LiveStateStore(
            Options.Create(new MonitoringOptions
            {
                Devices = [new DeviceOptions { Id = "ups-1", Name = "UPS 1", Kind = DeviceKind.Ups, Protocol = DeviceProtocol.Snmp, Host = "127.0.0.1", Port = 16161, Profile = "ups-rfc1628" }],
            }),
            NullLogger<LiveStateStore>.Instance);
        Context.Services.AddSingleton(live);
        SignIn(People.Inspector1);

        var cut = Render(executionId);
        cut.WaitForElement("[data-item='7']");
        Assert.Empty(cut.FindAll("[data-live='7']"));

        live.ApplySuccess("ups-1", [new PointReading("output.load", 42.346, null, "%", PointQuality.Good)], Database.Time.GetUtcNow(), TimeSpan.Zero);
        var button = cut.WaitForElement("button[data-live='7']");
        Assert.Empty(cut.FindAll("[data-live='4']")); // input voltage was not polled: nothing to offer
        button.Click();

        cut.WaitForElement("[data-saved='7']");
        await using var db = Database.NewContext();
        var answer = await db.ChecklistAnswers.Include(a => a.TemplateItem).SingleAsync(a => a.ExecutionId == executionId);
        Assert.Equal("output.load", answer.TemplateItem!.MonitoringPoint);
        Assert.Equal(42.35, answer.Reading);
        Assert.False(answer.IsFlagged);
    }

    [Fact]
    public async Task OtherInspector_SeesTheChecklistReadOnly_AndCannotAnswer()
    {
        var executionId = await PublishedChecklistAsync();
        SignIn(People.Inspector2);

        var cut = Render(executionId);
        var button = cut.WaitForElement("button[data-answer='1-Pass']");
        Assert.True(button.HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid='complete']"));
    }

    private IRenderedComponent<ChecklistForm> Render(Guid executionId) =>
        Context.Render<ChecklistForm>(p => p.Add(c => c.ExecutionId, executionId));

    private async Task<Guid> PublishedChecklistAsync(SopFlow? flow = null)
    {
        flow ??= new SopFlow(Database);
        await flow.ToAsync(SopState.Planning);
        await flow.PublishAsync();
        return (await flow.ExecutionsAsync()).Single().ExecutionId;
    }

    private async Task AnswerEverythingAsync(Guid executionId)
    {
        await using var db = Database.NewContext();
        var service = new ChecklistService(db, Database.Time, new AuditLog(db, Database.Time));
        var execution = (await service.FindAsync(executionId))!;
        foreach (var item in execution.WorkPlanItem!.Template!.Items.Where(i => i.Kind is not (ChecklistItemKind.Photo or ChecklistItemKind.Verified)))
        {
            await service.AnswerAsync(People.Actor(People.Inspector1), executionId, item.Id, SopFlow.GoodAnswer(item));
        }
    }
}
