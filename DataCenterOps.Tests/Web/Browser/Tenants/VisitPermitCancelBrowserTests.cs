using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Domain.Tenants;
using DataCenterOps.Tests.Web.Browser.Room;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DataCenterOps.Tests.Web.Browser.Tenants;

/// <summary>
/// The Pengawas cancels an approved visit permit in headless Chromium: the confirmation dialog asks first (dismissing it
/// changes nothing), then takes the reason; the list shows the permit cancelled, screenshotted in both languages.
/// </summary>
public sealed class VisitPermitCancelBrowserTests(ITestOutputHelper output)
{
    private const string Reason = "Pemeliharaan UPS mendadak pada tanggal kunjungan";

    [Fact]
    public async Task Pengawas_CancelsAnApprovedPermit_AfterConfirming_AndTheListShowsItCancelled_InBothLanguages()
    {
        await using var app = await BrowserApp.StartAsync();
        var permitId = await ApprovedPermitAsync(app.Services);
        var page = await app.SignInAsync("supervisor@dcops.local", DemoUsers.Password);
        await page.GotoAsync("/tenants/permits");
        await page.WaitForSelectorAsync("[data-testid=permits-interactive]", new() { State = WaitForSelectorState.Attached });
        var row = $"[data-permit='{permitId}']";

        // Dismissing the dialog cancels nothing.
        await page.ClickAsync($"[data-testid='permit-cancel-{permitId}']");
        await page.ClickAsync("[data-testid='confirm-cancel']");
        await page.WaitForSelectorAsync("[data-testid='confirm-dialog']", new() { State = WaitForSelectorState.Detached });
        await page.WaitForSelectorAsync($"{row}[data-state='Approved']");

        await page.ClickAsync($"[data-testid='permit-cancel-{permitId}']");
        await page.WaitForSelectorAsync("[data-testid='confirm-dialog']");
        var dialog = await page.InnerTextAsync(".mud-dialog");
        Assert.Contains("Batalkan izin kunjungan ini?", dialog, StringComparison.Ordinal);
        Assert.Contains("tidak dapat diurungkan", dialog, StringComparison.Ordinal);
        await page.ConfirmAsync(Reason);
        await page.WaitForSelectorAsync($"{row}[data-state='Cancelled']");
        var text = await page.InnerTextAsync(row);
        Assert.Contains("Dibatalkan", text, StringComparison.Ordinal);
        Assert.Contains(Reason, text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"[data-testid='permit-cancel-{permitId}']").CountAsync());
        output.WriteLine("screenshot: " + await LiveAppBrowser.ScreenshotAsync(page, "tenant-permits-cancelled-id"));

        await page.GotoAsync("/culture/set?culture=en-US&redirectUri=/tenants/permits");
        await page.WaitForSelectorAsync($"{row}[data-state='Cancelled']");
        var english = await page.InnerTextAsync(row);
        Assert.Contains("Cancelled", english, StringComparison.Ordinal);
        Assert.Contains("by ", english, StringComparison.Ordinal);
        output.WriteLine("screenshot: " + await LiveAppBrowser.ScreenshotAsync(page, "tenant-permits-cancelled-en"));

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>().Set<VisitPermitCancellation>().SingleAsync();
        Assert.Equal((permitId, Reason), (stored.PermitId, stored.Reason));
    }

    /// <summary>A BAPENDA permit for today and tomorrow, requested by the Pengelola and approved by the Pengawas.</summary>
    private static async Task<Guid> ApprovedPermitAsync(IServiceProvider root)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DataCenterOpsDbContext>();
        var people = services.GetRequiredService<PeopleDirectory>();
        async Task<Actor> ActorAsync(string email) => await people.ActorAsync((await db.Users.SingleAsync(u => u.Email == email)).Id);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var tenant = await db.Tenants.SingleAsync(t => t.Code == "BAPENDA");
        var permits = services.GetRequiredService<VisitPermitService>();
        var permit = await permits.RequestAsync(await ActorAsync("pengelola@dcops.local"),
            new NewVisitPermit(tenant.Id, now.AddHours(-1), now.AddDays(1), ["Andi Pratama", "Dewi Lestari"], "Ganti disk server e-Samsat"));
        await permits.DecideAsync(await ActorAsync("supervisor@dcops.local"), permit.Id, approve: true, null);
        return permit.Id;
    }
}
