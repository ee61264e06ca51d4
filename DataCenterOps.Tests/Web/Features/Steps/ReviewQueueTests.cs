using Bunit;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.Domain;
using DataCenterOps.Web.Features.Steps.Components.Review;

using MudBlazor;

namespace DataCenterOps.Tests.Web.Features.Steps;

/// <summary>The Pengawas' review queue on the real services (standard time for a review: 1 hour).</summary>
public sealed class ReviewQueueTests : BunitSetup
{
    [Fact]
    public async Task Queue_ListsReports_OldestFirst_AndOpensTheOldest()
    {
        var older = await InReviewAsync();
        Database.Time.Advance(TimeSpan.FromMinutes(10));
        var newer = await InReviewAsync();
        SignIn(People.Supervisor);

        var cut = Context.Render<ReviewQueue>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-queue-item]").Count));
        var order = cut.FindAll("[data-queue-item]").Select(e => e.GetAttribute("data-queue-item")).ToList();
        Assert.Equal([older.ReportId.ToString(), newer.ReportId.ToString()], order);
        Assert.Contains("selected", cut.Find($"[data-queue-item='{older.ReportId}']").ClassName, StringComparison.Ordinal);
        cut.WaitForElement("[data-testid='decision']");
    }

    [Fact]
    public async Task Report_PastItsStandardTime_IsShownOverdue()
    {
        var late = await InReviewAsync();
        Database.Time.Advance(TimeSpan.FromMinutes(90));
        var fresh = await InReviewAsync();
        SignIn(People.Supervisor);

        var cut = Context.Render<ReviewQueue>();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find($"[data-queue-item='{late.ReportId}']").GetAttribute("data-overdue")));
        Assert.Equal("true", cut.Find($"[data-queue-item='{late.ReportId}'] [data-testid='sla']").GetAttribute("data-overdue"));
        Assert.Equal("false", cut.Find($"[data-queue-item='{fresh.ReportId}']").GetAttribute("data-overdue"));
        Assert.Equal("false", cut.Find($"[data-queue-item='{fresh.ReportId}'] [data-testid='sla']").GetAttribute("data-overdue"));
    }

    [Fact]
    public async Task Return_WithoutCatatan_IsRefusedOnScreen_AndTheReportStaysInReview()
    {
        var flow = await InReviewAsync();
        SignIn(People.Supervisor);

        var cut = Context.Render<ReviewQueue>();
        cut.WaitForElement("button[data-testid='return']").Click();

        cut.WaitForElement("[data-testid='notes-error']");
        Assert.Equal(SopState.InReview, await flow.PlanStateAsync());
    }

    [Fact]
    public async Task Return_WithCatatan_SendsTheReportBack()
    {
        var flow = await InReviewAsync();
        SignIn(People.Supervisor);

        var cut = Context.Render<ReviewQueue>();
        cut.WaitForElement("textarea[data-testid='notes'], [data-testid='notes'] textarea").Input("Lengkapi foto ruang");
        cut.Find("button[data-testid='return']").Click();

        cut.WaitForElement("[data-testid='queue-empty']");
        Assert.Equal(SopState.Returned, await flow.PlanStateAsync());
        await using var db = Database.NewContext();
        Assert.Equal("Lengkapi foto ruang", db.ReportReviews.Single(r => r.ReportId == flow.ReportId).Notes);
    }

    [Fact]
    public async Task Approve_ApprovesTheSelectedReport_AndOpensTheNext()
    {
        var first = await InReviewAsync();
        Database.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await InReviewAsync();
        SignIn(People.Supervisor);

        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Context.Render<ReviewQueue>();
        cut.WaitForElement("[data-testid='decision']");
        cut.Find("button[data-testid='approve']").Click();
        Assert.Equal(SopState.InReview, await first.PlanStateAsync()); // asked first
        dialogs.WaitForElement("[data-testid='confirm-ok']").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-queue-item]")));
        Assert.Equal(SopState.Approved, await first.PlanStateAsync());
        Assert.Equal(SopState.InReview, await second.PlanStateAsync());
        Assert.Contains("selected", cut.Find($"[data-queue-item='{second.ReportId}']").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_IsShownBesideTheRecentHistoryOfTheSameEquipment()
    {
        var earlier = new SopFlow(Database);
        await earlier.ToAsync(SopState.Archived);
        Database.Time.Advance(TimeSpan.FromHours(2));
        await InReviewAsync();
        SignIn(People.Supervisor);

        var cut = Context.Render<ReviewQueue>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-history]")));
        Assert.Contains("UPS 1", cut.Find("[data-testid='equipment-history']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherSupervisor_HasNothingToReview()
    {
        await InReviewAsync();
        SignIn(People.OtherSupervisor);

        var cut = Context.Render<ReviewQueue>();

        cut.WaitForElement("[data-testid='queue-empty']");
    }

    private async Task<SopFlow> InReviewAsync()
    {
        var flow = new SopFlow(Database);
        await flow.ToAsync(SopState.InReview);
        return flow;
    }
}
