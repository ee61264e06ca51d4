using Bunit;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.Domain;
using DataCenterOps.Web.Features.Steps.Documents;
using DataCenterOps.Web.Features.Steps.Pages;
using DataCenterOps.Web.Shared.Documents;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DataCenterOps.Tests.Web.Features.Steps;

/// <summary>
/// The irreversible steps on their pages ask first: cancelling the confirmation leaves the Surat Tugas, Rencana Kerja
/// or Laporan as it was; confirming performs the transition (issue, revoke, publish, approve, archive), on the real
/// services.
/// </summary>
public sealed class StepConfirmationTests : BunitSetup
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Context.Services.AddScoped<LetterDocumentLoader>();
        Context.Services.AddDocuments();
    }

    [Theory]
    [InlineData(false, SopState.LetterDraft)]
    [InlineData(true, SopState.LetterIssued)]
    public async Task IssuingALetter_HappensOnlyWhenConfirmed(bool confirm, SopState expected)
    {
        var flow = await FlowAsync(SopState.LetterDraft);
        SignIn(People.Supervisor);

        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Context.Render<LetterDetail>(p => p.Add(c => c.Id, flow.LetterId));
        cut.WaitForElement("button[data-testid='issue']").Click();
        Decide(cut, dialogs, "issue", confirm);

        Assert.Equal(expected, await flow.LetterStateAsync());
    }

    [Theory]
    [InlineData(false, SopState.LetterIssued)]
    [InlineData(true, SopState.Revoked)]
    public async Task RevokingALetter_HappensOnlyWhenConfirmed(bool confirm, SopState expected)
    {
        var flow = await FlowAsync(SopState.LetterIssued);
        SignIn(People.Supervisor);

        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Context.Render<LetterDetail>(p => p.Add(c => c.Id, flow.LetterId));
        cut.WaitForElement("[data-testid='revoke-reason'] input, input[data-testid='revoke-reason']").Input("Agenda dibatalkan");
        cut.Find("button[data-testid='revoke']").Click();
        Decide(cut, dialogs, "revoke", confirm);

        Assert.Equal(expected, await flow.LetterStateAsync());
    }

    [Theory]
    [InlineData(false, SopState.Planning)]
    [InlineData(true, SopState.InExecution)]
    public async Task PublishingAPlan_HappensOnlyWhenConfirmed(bool confirm, SopState expected)
    {
        var flow = await FlowAsync(SopState.Planning);
        SignIn(People.Manager);

        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Context.Render<PlanDetail>(p => p.Add(c => c.Id, flow.PlanId));
        cut.WaitForElement("button[data-testid='publish']").Click();
        Decide(cut, dialogs, "publish", confirm);

        Assert.Equal(expected, await flow.PlanStateAsync());
    }

    [Theory]
    [InlineData(false, SopState.InReview)]
    [InlineData(true, SopState.Approved)]
    public async Task ApprovingAReport_HappensOnlyWhenConfirmed(bool confirm, SopState expected)
    {
        var flow = await FlowAsync(SopState.InReview);
        SignIn(People.Supervisor);

        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Context.Render<ReportDetail>(p => p.Add(c => c.Id, flow.ReportId));
        cut.WaitForElement("button[data-testid='approve']").Click();
        Decide(cut, dialogs, "approve", confirm);

        Assert.Equal(expected, await flow.PlanStateAsync());
    }

    [Theory]
    [InlineData(false, SopState.Approved)]
    [InlineData(true, SopState.Archived)]
    public async Task ArchivingAReport_HappensOnlyWhenConfirmed(bool confirm, SopState expected)
    {
        var flow = await FlowAsync(SopState.Approved);
        SignIn(People.Manager);

        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Context.Render<ReportDetail>(p => p.Add(c => c.Id, flow.ReportId));
        cut.WaitForElement("button[data-testid='archive']").Click();
        Decide(cut, dialogs, "archive", confirm);

        Assert.Equal(expected, await flow.PlanStateAsync());
    }

    private async Task<SopFlow> FlowAsync(SopState state)
    {
        var flow = new SopFlow(Database);
        await flow.ToAsync(state);
        return flow;
    }

    /// <summary>
    /// Answers the open confirmation dialog; once confirmed, waits until the page has acted (its button is gone with
    /// the state it belonged to); once cancelled, the button is still there.
    /// </summary>
    private static void Decide<TPage>(IRenderedComponent<TPage> cut, IRenderedComponent<MudDialogProvider> dialogs, string button, bool confirm)
        where TPage : IComponent
    {
        dialogs.WaitForElement(confirm ? "[data-testid='confirm-ok']" : "[data-testid='confirm-cancel']").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid='confirm-dialog']")));
        if (confirm)
        {
            cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"button[data-testid='{button}']")));
        }
        else
        {
            Assert.NotEmpty(cut.FindAll($"button[data-testid='{button}']"));
        }
    }
}
