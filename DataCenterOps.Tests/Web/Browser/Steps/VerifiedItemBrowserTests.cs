using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Tests.Web.Browser.Room;
using DataCenterOps.Tests.Web.Features.Steps.Photos;
using DataCenterOps.Web.Shared.Display;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DataCenterOps.Tests.Web.Browser.Steps;

/// <summary>
/// The Pemeriksa on the tablet (real headless Chromium, 800 × 1280 portrait) confirms the monthly genset load run's
/// exercise item from monitoring history: 35 minutes at 41 % of nameplate written into the app's own history store,
/// the evidence shown in Indonesian and in English, confirmed, and stored with the answer.
/// </summary>
public sealed class VerifiedItemBrowserTests(ITestOutputHelper output)
{
    private const string Indonesian = "terverifikasi dari monitoring: 35 menit pada 41 % — terpenuhi";
    private const string English = "verified from monitoring: 35 min at 41 % — met";

    [Fact]
    public async Task Inspector_OnATablet_SeesTheGensetRunFromMonitoring_InBothLanguages_AndConfirmsIt()
    {
        await using var app = await LiveAppBrowser.StartAsync();
        var scenario = new PhotoScenario(app.Services);
        var (executionId, item) = await PublishGensetLoadRunAsync(scenario);
        await StartedAnHourAgoAsync(scenario, executionId);
        await WriteExerciseRunAsync(app.Services);
        var route = $"/checklists/{executionId}";
        var page = await app.SignInAsync(PhotoScenario.InspectorEmail, DemoUsers.Password, route, 800, 1280);

        var preview = await PreviewAsync(page, item.Order);
        output.WriteLine("screenshot, id, evidence: " + await LiveAppBrowser.ScreenshotAsync(page, "checklist-verified-800x1280-id-evidence"));
        var answered = await ConfirmAsync(page, item.Order);
        output.WriteLine("screenshot, id, confirmed: " + await LiveAppBrowser.ScreenshotAsync(page, "checklist-verified-800x1280-id-confirmed"));
        var stored = await AnswerAsync(scenario, executionId, item.Id);

        await page.GotoAsync(app.BaseUrl + "/culture/set?culture=en-US&redirectUri=" + Uri.EscapeDataString(route));
        await LiveAppBrowser.WaitInteractiveAsync(page);
        var answeredEnglish = await page.InnerTextAsync($"[data-verified-answer='{item.Order}']");
        var previewEnglish = await PreviewAsync(page, item.Order);
        await ConfirmAsync(page, item.Order);
        output.WriteLine("screenshot, en: " + await LiveAppBrowser.ScreenshotAsync(page, "checklist-verified-800x1280-en"));
        var storedAgain = await AnswerAsync(scenario, executionId, item.Id);

        Assert.Contains(Indonesian, preview, StringComparison.Ordinal);
        Assert.Contains(Indonesian, answered, StringComparison.Ordinal);
        Assert.Contains(English, previewEnglish, StringComparison.Ordinal);
        Assert.Contains(English, answeredEnglish, StringComparison.Ordinal);
        foreach (var answer in new[] { stored, storedAgain })
        {
            Assert.Equal((HistoryVerdict.Met, PassFailResult.Pass, false), (answer.Verdict, answer.PassFail, answer.IsFlagged));
            Assert.Equal(Indonesian, answer.Evidence);
        }

        Assert.True(storedAgain.AnsweredAtUtc >= stored.AnsweredAtUtc);
    }

    private static async Task<string> PreviewAsync(IPage page, int order)
    {
        await page.ClickAsync($"[data-verify-check='{order}']");
        return await page.InnerTextAsync($"[data-verified-preview='{order}']");
    }

    private static async Task<string> ConfirmAsync(IPage page, int order)
    {
        await page.ClickAsync($"[data-verify-confirm='{order}']");
        await page.WaitForSelectorAsync($"[data-verified='{order}'][data-verdict='Met']");
        await page.WaitForSelectorAsync("[data-testid='saved-indicator'][data-state='Saved']");
        return await page.InnerTextAsync($"[data-verified-answer='{order}']");
    }

    private static Task<ChecklistAnswer> AnswerAsync(PhotoScenario scenario, Guid executionId, Guid itemId) =>
        scenario.InScopeAsync(sp => sp.GetRequiredService<DataCenterOpsDbContext>().ChecklistAnswers.AsNoTracking()
            .SingleAsync(a => a.ExecutionId == executionId && a.TemplateItemId == itemId));

    /// <summary>
    /// The Pemeriksa began the checklist an hour ago, before the run: the item's window (from the planned day's local
    /// midnight or the checklist's start, whichever is earlier) then holds the run at any time of day, midnight too.
    /// </summary>
    private static Task StartedAnHourAgoAsync(PhotoScenario scenario, Guid executionId) =>
        scenario.InScopeAsync(sp => sp.GetRequiredService<DataCenterOpsDbContext>().ChecklistExecutions.Where(e => e.Id == executionId)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, ExecutionStatus.InProgress).SetProperty(e => e.StartedAtUtc, DateTime.UtcNow.AddHours(-1))));

    /// <summary>genset-1 ran 35 minutes at 41 %, ending five minutes ago (before the app's own polls of it began).</summary>
    private static async Task WriteExerciseRunAsync(IServiceProvider services)
    {
        var end = services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-5);
        var readings = new List<Reading>();
        for (var at = end.AddMinutes(-35); at <= end; at += TimeSpan.FromSeconds(10))
        {
            readings.Add(new Reading("genset-1", "generator.load", at, 41, "%"));
        }

        await services.GetRequiredService<IHistoryStore>().WriteBatchAsync(readings, CancellationToken.None);
    }

    /// <summary>Steps 1–2 for the monthly genset load run on genset-1 today: the execution and its verified exercise item.</summary>
    private static async Task<(Guid ExecutionId, ChecklistTemplateItem Item)> PublishGensetLoadRunAsync(PhotoScenario scenario)
    {
        var supervisor = await scenario.ActorAsync("supervisor@dcops.local");
        var manager = await scenario.ActorAsync("pengelola@dcops.local");
        var inspector = await scenario.ActorAsync(PhotoScenario.InspectorEmail);
        var now = DateTime.UtcNow;
        var letterId = await scenario.InScopeAsync(async sp =>
        {
            var letters = sp.GetRequiredService<AssignmentLetterService>();
            var letter = await letters.CreateDraftAsync(supervisor, new NewAssignmentLetter(
                "Uji beban genset bulanan", manager.UserId, [inspector.UserId], [], [EquipmentKind.Genset], now.AddHours(-1), now.AddDays(7)));
            await letters.IssueAsync(supervisor, letter.Id);
            return letter.Id;
        });
        var planId = await scenario.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DataCenterOpsDbContext>();
            var plans = sp.GetRequiredService<WorkPlanService>();
            var plan = await plans.CreateAsync(manager, letterId, "Rencana Kerja genset");
            var equipment = await db.Equipment.Where(e => e.MonitoringDeviceId == "genset-1").Select(e => e.Id).SingleAsync();
            var template = await db.ChecklistTemplates.Where(t => t.Code == "genset-monthly-load").Select(t => t.Id).SingleAsync();
            await plans.AddItemAsync(manager, plan.Id, equipment, template, sp.GetRequiredService<DisplayClock>().Today, inspector.UserId);
            await plans.PublishAsync(manager, plan.Id);
            return plan.Id;
        });
        return await scenario.InScopeAsync(async sp =>
        {
            var execution = await sp.GetRequiredService<DataCenterOpsDbContext>().ChecklistExecutions
                .Include(e => e.WorkPlanItem!).ThenInclude(i => i.Template!).ThenInclude(t => t.Items)
                .SingleAsync(e => e.WorkPlanItem!.PlanId == planId);
            return (execution.Id, execution.WorkPlanItem!.Template!.Items.Single(i => i.HistoryRule == HistoryRules.GensetExerciseRun));
        });
    }
}
