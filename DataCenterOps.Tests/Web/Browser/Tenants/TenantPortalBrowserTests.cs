using DataCenterOps.Domain.Seeding;
using DataCenterOps.Tests.Web.Browser.Room;
using Xunit.Abstractions;

namespace DataCenterOps.Tests.Web.Browser.Tenants;

/// <summary>A tenant's account in headless Chromium: sign-in lands on its portal, whose rack shows its PDU's live load; both languages screenshotted.</summary>
public sealed class TenantPortalBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TenantSignsIn_LandsOnItsPortal_WithItsRacksLiveLoad_InBothLanguages()
    {
        await using var app = await BrowserApp.StartAsync();
        var page = await app.SignInAsync(DemoTenants.All[0].Email, DemoUsers.Password);

        await page.WaitForURLAsync(url => url.EndsWith("/tenant", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("[data-testid=tenant-interactive]", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        // The simulated pdu-a01 is polled by the app; the portal re-reads it every 5 s.
        await page.WaitForSelectorAsync("[data-testid=tenant-rack-A1] .mud-chip");
        var text = await page.InnerTextAsync(".mud-main-content");
        Assert.Contains("Rak: daya dan suhu langsung", text, StringComparison.Ordinal);
        Assert.Contains("Rak A1 BAPENDA", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BPKAD", text, StringComparison.Ordinal);
        output.WriteLine("screenshot: " + await LiveAppBrowser.ScreenshotAsync(page, "tenant-portal-id"));

        await page.GotoAsync("/culture/set?culture=en-US&redirectUri=/tenant");
        await page.WaitForSelectorAsync("[data-testid=tenant-rack-A1] .mud-chip");
        var english = await page.InnerTextAsync(".mud-main-content");
        Assert.Contains("Racks: live power and temperature", english, StringComparison.Ordinal);
        output.WriteLine("screenshot: " + await LiveAppBrowser.ScreenshotAsync(page, "tenant-portal-en"));
    }
}
