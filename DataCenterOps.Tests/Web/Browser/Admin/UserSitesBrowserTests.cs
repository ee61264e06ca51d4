using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Tests.Web.Shared.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Browser.Admin;

/// <summary>
/// /admin/user-sites in a real browser against the real app with two sites: the Administrator sees who is limited to
/// which site, and removing a person's last limit (which widens their access to every site) asks first; audited.
/// </summary>
public sealed class UserSitesBrowserTests : IAsyncLifetime
{
    private BrowserApp? _app;
    private string _inspectorId = "";

    public async Task InitializeAsync()
    {
        _app = await BrowserApp.StartAsync(factory =>
        {
            factory.ExtraSettings["Sites:0:Code"] = TwoSiteApp.RegencyCode;
            factory.ExtraSettings["Sites:0:Name"] = TwoSiteApp.RegencyName;
            factory.ExtraSettings["Sites:0:TimeZone"] = "Asia/Makassar";
        });
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        var admin = await users.FindByEmailAsync(WebAppFactory.AdminEmail);
        _inspectorId = (await users.FindByEmailAsync(TwoSiteApp.RegencyInspector))!.Id;
        var regency = await db.Sites.SingleAsync(s => s.Code == TwoSiteApp.RegencyCode);
        await scope.ServiceProvider.GetRequiredService<SiteAssignments>().LimitAsync(await Actors.LoadAsync(db, admin!.Id), _inspectorId, [regency.Id]);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task RemovingTheLastSiteLimit_AsksFirst_ThenWidensAccess_Audited()
    {
        var page = await _app!.SignInAsync(WebAppFactory.AdminEmail, WebAppFactory.AdminPassword);
        await page.GotoAsync("/admin/user-sites");
        await page.WaitForSelectorAsync("#circuit-ready", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        var row = page.Locator($"tr[data-user='{TwoSiteApp.RegencyInspector}']");
        Assert.Equal("true", await row.GetAttributeAsync("data-limited"));
        Assert.Equal(1, await row.Locator($"[data-site='{TwoSiteApp.RegencyCode}']").CountAsync());

        await row.Locator("[data-testid=user-sites-edit]").ClickAsync();
        await page.WaitForSelectorAsync(".user-sites-editor input[type=checkbox]");
        var boxes = page.Locator(".user-sites-editor input[type=checkbox]");
        Assert.Equal(2, await boxes.CountAsync());
        Assert.True(await boxes.Nth(1).IsCheckedAsync());
        await boxes.Nth(1).ClickAsync(); // untick the regency: no site left = every site
        await page.Locator("[data-testid=user-sites-save]").ClickAsync();

        // Not saved yet: the warning asks first.
        await page.WaitForSelectorAsync(".user-sites-confirm");
        Assert.Equal(1, await LimitsAsync());

        await page.Locator("[data-testid=user-sites-confirm]").ClickAsync();
        await page.WaitForSelectorAsync($"tr[data-user='{TwoSiteApp.RegencyInspector}'][data-limited='false']");
        Assert.Equal(0, await LimitsAsync());

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        Assert.Equal(2, await db.Set<AuditEntry>().CountAsync(a => a.Action == "UserSitesChanged" && a.EntityId == _inspectorId));
    }

    private async Task<int> LimitsAsync()
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>().UserSites.CountAsync(s => s.UserId == _inspectorId);
    }
}
