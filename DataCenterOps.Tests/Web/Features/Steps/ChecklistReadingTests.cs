using System.Globalization;
using Bunit;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.Domain;
using DataCenterOps.Web.Features.Steps.Components.Checklist;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace DataCenterOps.Tests.Web.Features.Steps;

/// <summary>
/// Readings typed in the reader's culture, doubtful ones confirmed first, text never cut, a GAGAL needing a finding and
/// "Selesaikan" ending the checklist — on the real services and a real SQLite file (ups-monthly on ups-1: item 4 is the
/// input voltage 207–253 V, item 7 the load ≤ 80 %).
/// </summary>
public sealed class ChecklistReadingTests : BunitSetup
{
    [Theory]
    [InlineData("id-ID", "0,3", 0.3, "0,3")]
    [InlineData("id-ID", "0.3", 0.3, "0,3")]
    [InlineData("en-US", "0.3", 0.3, "0.3")]
    [InlineData("en-US", "0,3", 0.3, "0.3")]
    public async Task DecimalReading_IsStoredAsTheNumberTyped_AndShownBackInTheCulture(string culture, string typed, double stored, string shown)
    {
        UseCulture(culture);
        var executionId = await PublishedChecklistAsync();
        SignIn(People.Inspector1);

        var cut = Render(executionId);
        cut.WaitForElement("[data-item='7'] input").Change(typed);

        cut.WaitForElement("[data-saved='7']");
        Assert.Equal(stored, (await AnswerOfAsync(executionId, 7))!.Reading);
        cut.WaitForAssertion(() => Assert.Equal(shown, cut.Find("[data-item='7'] input").GetAttribute("value")));
        Assert.Contains(shown, cut.Find("[data-item='7']").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id-ID", "1.234,5", "1.234,5")]
    [InlineData("en-US", "1,234.5", "1,234.5")]
    public async Task ImplausibleReading_AsksFirst_ShowingTheParsedValue_ThenStoresIt(string culture, string typed, string shown)
    {
        UseCulture(culture);
        var executionId = await PublishedChecklistAsync();
        SignIn(People.Inspector1);

        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render(executionId);
        cut.WaitForElement("[data-item='4'] input").Change(typed);

        var dialog = dialogs.WaitForElement("[data-testid='confirm-dialog']");
        Assert.Contains($"{shown} V", dialog.TextContent, StringComparison.Ordinal);
        Assert.Null(await AnswerOfAsync(executionId, 4)); // nothing saved before the confirmation
        dialogs.Find("[data-testid='confirm-ok']").Click();

        cut.WaitForElement("[data-flagged='4']");
        Assert.Equal(1234.5, (await AnswerOfAsync(executionId, 4))!.Reading);
    }

    [Fact]
    public async Task AmbiguousReading_IsShownBack_AndCancellingSavesNothing_AndKeepsTheText()
    {
        UseCulture("id-ID");
        var executionId = await PublishedChecklistAsync();
        SignIn(People.Inspector1);

        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render(executionId);
        cut.WaitForElement("[data-item='7'] input").Change("1.234");

        var dialog = dialogs.WaitForElement("[data-testid='confirm-dialog']");
        Assert.Contains("1.234", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains("ribuan", dialog.TextContent, StringComparison.Ordinal);
        dialogs.Find("[data-testid='confirm-cancel']").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid='confirm-dialog']")));
        Assert.Null(await AnswerOfAsync(executionId, 7));
        Assert.Equal("1.234", cut.Find("[data-item='7'] input").GetAttribute("value"));
    }

    [Theory]
    [InlineData("id-ID", "bukan angka")]
    [InlineData("en-US", "not a number")]
    public async Task TextThatIsNotANumber_IsRefusedWithAMessage_AndKeptForCorrection(string culture, string message)
    {
        UseCulture(culture);
        var executionId = await PublishedChecklistAsync();
        SignIn(People.Inspector1);

        var cut = Render(executionId);
        cut.WaitForElement("[data-item='4'] input").Change("abc");

        cut.WaitForAssertion(() => Assert.Contains(message, cut.Find("[data-item='4']").TextContent, StringComparison.Ordinal));
        Assert.Contains("abc", cut.Find("[data-item='4']").TextContent, StringComparison.Ordinal);
        Assert.Equal("abc", cut.Find("[data-item='4'] input").GetAttribute("value"));
        Assert.Null(await AnswerOfAsync(executionId, 4));
    }

    [Fact]
    public async Task Gagal_MarksTheFindingsRequired_AndCompleteIsRefusedWithoutOne()
    {
        UseCulture("id-ID");
        var flow = new SopFlow(Database);
        var executionId = await PublishedChecklistAsync(flow);
        await AnswerEverythingAsync(executionId);
        SignIn(People.Inspector1);

        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render(executionId);
        cut.WaitForElement("button[data-answer='1-Fail']").Click();
        cut.WaitForElement("[data-flagged='1']");
        cut.WaitForElement("[data-finding-required='true']");
        cut.Find("button[data-testid='complete']").Click();

        cut.WaitForElement("[data-testid='checklist-error']");
        Assert.Empty(dialogs.FindAll("[data-testid='confirm-dialog']"));
        await using var db = Database.NewContext();
        Assert.NotEqual(ExecutionStatus.Completed, (await db.ChecklistExecutions.SingleAsync(e => e.Id == executionId)).Status);
    }

    [Fact]
    public async Task Completed_IsReadOnly_AndReopenNeedsAReason_WhichIsAudited()
    {
        var executionId = await PublishedChecklistAsync();
        await AnswerEverythingAsync(executionId);
        SignIn(People.Inspector1);

        var dialogs = Context.Render<MudDialogProvider>();
        var cut = Render(executionId);
        cut.WaitForElement("button[data-testid='complete']").Click();
        dialogs.WaitForElement("[data-testid='confirm-ok']").Click();

        cut.WaitForElement("[data-testid='finished']");
        Assert.True(cut.Find("button[data-answer='1-Pass']").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("button[data-testid='complete']"));

        cut.Find("button[data-testid='reopen']").Click();
        dialogs.WaitForElement("[data-testid='confirm-ok']").Click();
        Assert.NotEmpty(dialogs.FindAll("[data-testid='confirm-dialog']")); // no reason: stays open
        ReasonInput(dialogs).Input("Tegangan salah ketik");
        dialogs.Find("[data-testid='confirm-ok']").Click();

        cut.WaitForAssertion(() => Assert.False(cut.Find("button[data-answer='1-Pass']").HasAttribute("disabled")));
        await using var db = Database.NewContext();
        Assert.Equal(ExecutionStatus.InProgress, (await db.ChecklistExecutions.SingleAsync(e => e.Id == executionId)).Status);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "ChecklistReopened");
        Assert.Contains("Tegangan salah ketik", audit.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlongFindings_AreRefusedWithACounter_NeverCut()
    {
        var executionId = await PublishedChecklistAsync();
        SignIn(People.Inspector1);

        var cut = Render(executionId);
        var findings = Findings(cut);
        // No browser-side limit that would cut a pasted text (MudBlazor's default is half a million).
        Assert.True(int.Parse(findings.GetAttribute("maxlength") ?? "524288", CultureInfo.InvariantCulture) > 100_000);
        findings.Input(new string('x', 4001));
        cut.WaitForAssertion(() => Assert.Contains("4001 / 4000", cut.Markup, StringComparison.Ordinal));
        Findings(cut).Blur();

        cut.WaitForAssertion(() => Assert.Contains("4000", cut.Find("[data-testid='checklist-error']").TextContent, StringComparison.Ordinal));
        await using var db = Database.NewContext();
        Assert.Null((await db.ChecklistExecutions.SingleAsync(e => e.Id == executionId)).Findings);
        Assert.Equal(4001, Findings(cut).GetAttribute("value")?.Length ?? Findings(cut).TextContent.Length);
    }

    // The culture is async-local: set in the test, it holds for that test only.
    private static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    private static AngleSharp.Dom.IElement Findings(IRenderedComponent<ChecklistForm> cut) =>
        cut.FindAll("textarea[data-testid='findings'], [data-testid='findings'] textarea")[0];

    private static AngleSharp.Dom.IElement ReasonInput(IRenderedComponent<MudDialogProvider> dialogs) =>
        dialogs.FindAll("textarea[data-testid='confirm-reason'], [data-testid='confirm-reason'] textarea")[0];

    private IRenderedComponent<ChecklistForm> Render(Guid executionId) =>
        Context.Render<ChecklistForm>(p => p.Add(c => c.ExecutionId, executionId));

    private async Task<ChecklistAnswer?> AnswerOfAsync(Guid executionId, int order)
    {
        await using var db = Database.NewContext();
        return await db.ChecklistAnswers.Include(a => a.TemplateItem)
            .SingleOrDefaultAsync(a => a.ExecutionId == executionId && a.TemplateItem!.Order == order);
    }

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
