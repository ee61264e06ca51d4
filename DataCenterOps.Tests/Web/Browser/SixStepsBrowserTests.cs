using System.Globalization;
using System.Text.RegularExpressions;
using DataCenterOps.Domain.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DataCenterOps.Tests.Web.Browser;

/// <summary>
/// All six SOP steps through the screens, in a real headless Chromium on a tablet-sized viewport against the real
/// app: Surat Tugas, Rencana Kerja on the calendar, the checklist with a live reading, a return with Catatan and a
/// resubmission, approval, archive (Intact), and both PDFs; on an installation seeded in Indonesian (the default) and
/// in English (Seeding:Language), the shipped names read from <see cref="ShippedNames"/>.
/// </summary>
public sealed partial class SixStepsBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Supervisor = "supervisor@dcops.local";
    private const string Manager = "pengelola@dcops.local";
    private const string Inspector = "pemeriksa1@dcops.local";

    private readonly string _artefacts = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
    private BrowserApp? _app;
    private string _language = SeedingOptions.Indonesian;

    private BrowserApp App => _app ?? throw new InvalidOperationException("Not started.");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_artefacts);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(SeedingOptions.Indonesian)]
    [InlineData(SeedingOptions.English)]
    public async Task AllSixSteps_RunThroughTheScreens_AndTheArchiveIsIntact(string language)
    {
        _language = language;
        _app = await BrowserApp.StartAsync(f => f.ExtraSettings["Seeding:Language"] = language);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(
            TimeProvider.System.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar")));
        var supervisor = await App.SignInAsync(Supervisor, DemoUsers.Password);
        var manager = await App.SignInAsync(Manager, DemoUsers.Password);
        var inspector = await App.SignInAsync(Inspector, DemoUsers.Password);
        try
        {
            await RunAllStepsAsync(today, supervisor, manager, inspector);
        }
        catch
        {
            // What each person saw when it went wrong.
            await Screenshot(supervisor, "failure-supervisor.png", fullPage: true);
            await Screenshot(manager, "failure-manager.png", fullPage: true);
            await Screenshot(inspector, "failure-inspector.png", fullPage: true);
            throw;
        }
    }

    private async Task RunAllStepsAsync(DateOnly today, IPage supervisor, IPage manager, IPage inspector)
    {

        // Step 1: the Pengawas drafts the Surat Tugas from the work agenda and issues it.
        await supervisor.OpenAsync("/letters/new", "[data-testid='create-letter']");
        await supervisor.ClickAsync("[data-agenda-template='ups-monthly']");
        await supervisor.Locator("[data-inspector='pemeriksa1@dcops.local'] input, input[data-inspector='pemeriksa1@dcops.local']").First.CheckAsync();
        await Screenshot(supervisor, "letter-new.png");
        await supervisor.ClickAsync("[data-testid='create-letter']");
        await supervisor.WaitForURLAsync(LetterUrl());
        var letterId = LetterUrl().Match(supervisor.Url).Groups[1].Value;
        await supervisor.WaitForSelectorAsync("[data-testid='issue']");
        await supervisor.ClickAsync("[data-testid='issue']");
        await Screenshot(supervisor, "confirm-issue.png");
        await supervisor.ConfirmAsync();
        await supervisor.WaitForSelectorAsync("[data-testid='issue']", new() { State = WaitForSelectorState.Detached });
        var number = $"065.2/1/Diskominfo/{today.Year}";
        await supervisor.WaitForSelectorAsync($"[data-testid='letter-sheet'] >> text=Nomor: {number}");
        Assert.True(await supervisor.Locator("[data-testid='letter-sheet']").Locator("text=PEMERINTAH PROVINSI KALIMANTAN TIMUR").IsVisibleAsync());
        var letterPages = await supervisor.DownloadPdfAsync("[data-testid='letter-pdf']", Artefact("surat-tugas.pdf"));
        Assert.Equal(1, letterPages);
        await supervisor.OpenAsync($"/letters/{letterId}/print", "[data-testid='letter-sheet']");
        await Screenshot(supervisor, "letter-print.png");

        // Step 2: the Pengelola makes the Rencana Kerja and schedules UPS 1 for pemeriksa1 today on the calendar.
        await manager.OpenAsync($"/letters/{letterId}", "[data-testid='make-plan']");
        await manager.ClickAsync("[data-testid='make-plan']");
        await manager.WaitForURLAsync(PlanUrl());
        var planId = PlanUrl().Match(manager.Url).Groups[1].Value;
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await manager.WaitForSelectorAsync($"[data-add-date='{day}']");
        await manager.ClickAsync($"[data-add-date='{day}']");
        await manager.WaitForSelectorAsync("[data-testid='dialog-add']");
        await manager.SelectAsync("[data-testid='equipment-select']", "UPS 1");
        await manager.SelectAsync("[data-testid='template-select']", ShippedNames.UpsMonthly.In(_language));
        await manager.ClickAsync("[data-testid='dialog-add']");
        await manager.WaitForSelectorAsync($"[data-date='{day}'] [data-plan-item]");
        await Screenshot(manager, "plan-calendar.png");
        await manager.ClickAsync("[data-testid='publish']");
        await manager.ConfirmAsync();
        await manager.WaitForSelectorAsync("[data-state='InExecution']");

        await supervisor.OpenAsync("/board", "[data-testid='board'] [data-testid='sla']");
        Assert.Equal("false", await supervisor.GetAttributeAsync("[data-testid='board'] [data-testid='sla']", "data-overdue"));
        await Screenshot(supervisor, "board.png");

        // Step 3: pemeriksa1 fills the checklist on the tablet, taking the UPS load live from the simulator; the room is too warm.
        await inspector.OpenAsync("/work", "[data-testid='open-checklist']");
        Assert.True(await inspector.Locator("[data-work-group='today']").IsVisibleAsync());
        await Screenshot(inspector, "work-today.png");
        await inspector.ClickAsync("[data-testid='open-checklist']");
        await inspector.WaitForSelectorAsync("[data-testid='checklist']");
        await inspector.ClickAnswerAsync("1-Pass");
        await inspector.ClickAnswerAsync("2-Pass");
        await inspector.AnswerAsync(3, "Log bersih");
        await inspector.AnswerAsync(4, "230");
        await inspector.AnswerAsync(5, "231");
        await inspector.AnswerAsync(6, "50");
        await inspector.WaitForSelectorAsync("button[data-live='7']", new() { Timeout = 90_000 });
        var live = await inspector.GetAttributeAsync("button[data-live='7']", "data-live-value");
        await inspector.ClickAsync("button[data-live='7']");
        await inspector.WaitForSelectorAsync("[data-saved='7']", new() { State = WaitForSelectorState.Attached });
        await inspector.AnswerConfirmingAsync(8, "35");
        await inspector.WaitForSelectorAsync("[data-flagged='8']");
        await inspector.ClickAnswerAsync("9-Pass");
        Assert.Equal("8", await inspector.GetAttributeAsync("[data-testid='progress']", "data-answered"));
        await inspector.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshot(inspector, "checklist-top.png");
        await inspector.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        await Screenshot(inspector, "checklist-bottom.png");
        await inspector.ClickAsync("[data-testid='complete']");
        await inspector.ConfirmAsync();

        // Step 4: submits the Laporan, after seeing it as the Pengawas will.
        await inspector.ClickAsync("[data-testid='submit-report']");
        await inspector.WaitForSelectorAsync("[data-testid='confirm-preview']");
        await Screenshot(inspector, "confirm-submit.png");
        await inspector.ConfirmAsync();
        await inspector.WaitForURLAsync(url => url.EndsWith("/work", StringComparison.Ordinal));

        // Step 5: the Pengawas returns it once with Catatan…
        await supervisor.OpenAsync("/reviews", "[data-testid='decision']");
        Assert.Equal(1, await supervisor.Locator("[data-queue-item]").CountAsync());
        Assert.Equal("false", await supervisor.GetAttributeAsync("[data-queue-item]", "data-overdue"));
        Assert.Contains(ShippedNames.AmbientTemperature.In(_language), await supervisor.InnerTextAsync("[data-testid='report-flags']"), StringComparison.Ordinal);
        await Screenshot(supervisor, "review-queue.png", fullPage: true);
        await supervisor.ClickAsync("[data-testid='return']");
        await supervisor.WaitForSelectorAsync("[data-testid='notes-error']");
        await supervisor.Locator("textarea[data-testid='notes'], [data-testid='notes'] textarea").First.FillAsync("Suhu ruang 35 °C: ukur ulang setelah CRAC diperiksa.");
        await supervisor.ClickAsync("[data-testid='return']");
        await supervisor.WaitForSelectorAsync("[data-testid='queue-empty']");

        // …pemeriksa1 sees the Catatan and the report in "Laporan saya", reopens the checklist with a reason, measures
        // again (the load typed with the Indonesian decimal comma) and resubmits…
        await inspector.OpenAsync("/reports/mine", "[data-my-report]");
        Assert.Contains("Suhu ruang 35", await inspector.InnerTextAsync("[data-testid='my-reports']"), StringComparison.Ordinal);
        await inspector.OpenAsync("/work", "[data-testid='return-notes']");
        Assert.Contains("Suhu ruang 35", await inspector.InnerTextAsync("[data-testid='return-notes']"), StringComparison.Ordinal);
        await inspector.ClickAsync("[data-testid='open-checklist']");
        await inspector.WaitForSelectorAsync("[data-testid='reopen']");
        await inspector.ClickAsync("[data-testid='reopen']");
        await inspector.ConfirmAsync("Ukur ulang suhu ruang sesuai Catatan Pengawas");
        await inspector.WaitForSelectorAsync("[data-testid='complete']");
        await inspector.AnswerAsync(8, "24");
        await inspector.WaitForSelectorAsync("[data-flagged='8']", new() { State = WaitForSelectorState.Detached });
        await inspector.AnswerAsync(7, "0,3");
        Assert.Equal("0,3", await inspector.InputValueAsync("[data-item='7'] input"));
        await inspector.Locator("[data-item='7']").ScrollIntoViewIfNeededAsync();
        await Screenshot(inspector, "checklist-comma-reading.png");
        await inspector.ClickAsync("[data-testid='complete']");
        await inspector.ConfirmAsync();
        await inspector.ClickAsync("[data-testid='submit-report']");
        await inspector.ConfirmAsync();
        await inspector.WaitForURLAsync(url => url.EndsWith("/work", StringComparison.Ordinal));

        // …and the Pengawas approves the second revision.
        await supervisor.OpenAsync("/reviews", "[data-testid='previous-return']");
        await supervisor.ClickAsync("[data-testid='approve']");
        await supervisor.ConfirmAsync();
        await supervisor.WaitForSelectorAsync("[data-testid='queue-empty']");

        // Step 6: the Pengelola opens "6. Arsip" from the board, archives it; the archive shows it Intact and gives its PDF.
        await manager.OpenAsync("/board", "[data-board-step='Archive']");
        await manager.ClickAsync("[data-board-step='Archive']");
        await manager.WaitForSelectorAsync("[data-testid='archive']");
        await manager.ClickAsync("[data-testid='archive']");
        await manager.ConfirmAsync();
        await manager.WaitForSelectorAsync("[data-state='Archived']");
        await manager.OpenAsync("/archive", "[data-integrity]");
        Assert.Equal("Intact", await manager.GetAttributeAsync("[data-integrity]", "data-integrity"));
        await manager.Locator("[data-testid='archive-search'] input").First.FillAsync("999/none");
        await manager.WaitForSelectorAsync("[data-integrity]", new() { State = WaitForSelectorState.Detached });
        await manager.Locator("[data-testid='archive-search'] input").First.FillAsync(number);
        await manager.WaitForSelectorAsync("[data-integrity='Intact']");
        await Screenshot(manager, "archive.png");
        await manager.ClickAsync("[data-archive-link='1']");
        await manager.WaitForSelectorAsync("[data-testid='archive-pdf']");
        Assert.Equal("Intact", await manager.GetAttributeAsync("[data-integrity]", "data-integrity"));
        var reportPages = await manager.DownloadPdfAsync("[data-testid='archive-pdf']", Artefact("laporan-arsip.pdf"));
        Assert.True(reportPages >= 1);

        // The comma reading "0,3" is the number 0.3 in the hash-chained record, on the screen and in the PDF's text.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var archived = await scope.ServiceProvider.GetRequiredService<DataCenterOps.Domain.Reports.ReportQueries>().ArchivedAsync();
            var content = DataCenterOps.Domain.Reports.ReportContentBuilder.Deserialize(archived.Single().CanonicalJson)!;
            Assert.Equal(0.3, content.Items.Single().Answers.Single(a => a.Order == 7).Reading);
        }

        Assert.Contains($"0,3 {ShippedNames.PercentOfRating.In(_language)}", await manager.InnerTextAsync(".mud-main-content"), StringComparison.Ordinal);
        var pdfText = PdfText.Extract(await manager.PdfBytesAsync("[data-testid='archive-pdf']"));
        output.WriteLine(pdfText);
        Assert.Matches(Regex.Escape(ShippedNames.Load.In(_language)) + @"[^\n]*?0,3\s+%", pdfText);

        // The archive is for its keepers: a Pemeriksa is turned away from the PDF.
        var refused = await inspector.APIRequest.GetAsync("/archive/1/pdf", new() { MaxRedirects = 0 });
        Assert.Equal(302, refused.Status);
        Assert.Contains("AccessDenied", refused.Headers["location"], StringComparison.Ordinal);

        // The same screens in English, dates and numbers in that culture.
        await supervisor.GotoAsync("/culture/set?culture=en-US&redirectUri=/letters/" + letterId);
        await supervisor.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached });
        await supervisor.WaitForSelectorAsync("text=Print view");
        Assert.Contains(today.ToString("d", CultureInfo.GetCultureInfo("en-US")), await supervisor.InnerTextAsync(".mud-main-content"), StringComparison.Ordinal);
        await Screenshot(supervisor, "letter-detail-en.png");

        output.WriteLine($"Live UPS load recorded with one tap: {live} %");
        output.WriteLine($"Screenshots and PDFs: {_artefacts}");
        foreach (var page in new[] { supervisor, manager, inspector })
        {
            Assert.False(await page.IsVisibleAsync("#blazor-error-ui"), page.Url);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    // The English-seeded run keeps its own files beside the Indonesian one's.
    private string Artefact(string name) => Path.Combine(_artefacts, _language == SeedingOptions.Indonesian ? name : "seed-en-" + name);

    private async Task Screenshot(IPage page, string name, bool fullPage = false)
    {
        var path = Artefact(name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        output.WriteLine($"Screenshot: {path}");
    }

    [GeneratedRegex(@"/letters/([0-9a-f-]{36})$")]
    private static partial Regex LetterUrl();

    [GeneratedRegex(@"/plans/([0-9a-f-]{36})$")]
    private static partial Regex PlanUrl();
}
