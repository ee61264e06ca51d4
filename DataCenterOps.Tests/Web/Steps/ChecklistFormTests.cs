using Bunit;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.Domain;
using DataCenterOps.Web.Components.Maintenance;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Web;

public sealed class ChecklistFormTests : BunitSetup
{
    [Fact]
    public async Task ClickingAnAnswer_SavesItAtOnce_AndShowsIt()
    {
        var flow = new SopFlow(Database);
        await flow.ToAsync(SopState.Planning);
        await flow.PublishAsync();
        var (executionId, _) = (await flow.ExecutionsAsync()).Single();
        SignIn(People.Inspector1);

        var cut = Context.Render<ChecklistForm>(p => p.Add(c => c.ExecutionId, executionId));
        cut.WaitForElement("button[data-answer='1-Pass']").Click();

        await using var db = Database.NewContext();
        var answer = await db.ChecklistAnswers.SingleAsync(a => a.ExecutionId == executionId);
        Assert.Equal(PassFailResult.Pass, answer.PassFail);
        cut.WaitForAssertion(() => Assert.Contains("mud-button-filled", cut.Find("button[data-answer='1-Pass']").ClassName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailedItem_IsFlagged_OnScreen()
    {
        var flow = new SopFlow(Database);
        await flow.ToAsync(SopState.Planning);
        await flow.PublishAsync();
        var (executionId, _) = (await flow.ExecutionsAsync()).Single();
        SignIn(People.Inspector1);

        var cut = Context.Render<ChecklistForm>(p => p.Add(c => c.ExecutionId, executionId));
        cut.WaitForElement("button[data-answer='1-Fail']").Click();

        cut.WaitForElement("[data-flagged='1']");
    }

    [Fact]
    public async Task OtherInspector_SeesTheChecklistReadOnly_AndCannotAnswer()
    {
        var flow = new SopFlow(Database);
        await flow.ToAsync(SopState.Planning);
        await flow.PublishAsync();
        var (executionId, _) = (await flow.ExecutionsAsync()).Single();
        SignIn(People.Inspector2);

        var cut = Context.Render<ChecklistForm>(p => p.Add(c => c.ExecutionId, executionId));
        var button = cut.WaitForElement("button[data-answer='1-Pass']");
        Assert.True(button.HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid='complete']"));
    }
}
