using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Domain.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Shared.Sites;

/// <summary>Over HTTP against the real app with two sites: the one-off grants and the access review show one site's room.</summary>
public sealed class AccessAuthorisationsSiteTests(TwoSiteApp app) : IClassFixture<TwoSiteApp>
{
    private const string ProvinceReason = "Vendor-UPS-Provinsi-7781";
    private const string RegencyReason = "Vendor-Sensor-Kabupaten-7782";

    [Fact]
    public async Task AuthorisationsPage_ShowsTheChosenSitesGrantsOnly_AndASiteLimitedPengawasNeverTheOtherSites()
    {
        var regency = await SeedGrantsAsync();

        using (var supervisor = await SignInClient.ClientAsync(app.Factory, Roles.Supervisor))
        {
            var province = await supervisor.GetStringAsync("/access/authorisations?site=DC-KALTIM");
            Assert.Contains(ProvinceReason, province, StringComparison.Ordinal);
            Assert.DoesNotContain(RegencyReason, province, StringComparison.Ordinal);
            var own = await supervisor.GetStringAsync($"/access/authorisations?site={TwoSiteApp.RegencyCode}");
            Assert.Contains(RegencyReason, own, StringComparison.Ordinal);
            Assert.DoesNotContain(ProvinceReason, own, StringComparison.Ordinal);
        }

        await LimitSupervisorAsync(regency);
        using var limited = await SignInClient.ClientAsync(app.Factory, Roles.Supervisor);
        // Asking for the province does not get it: his roles reach the regency's room only.
        var page = await limited.GetStringAsync("/access/authorisations?site=DC-KALTIM");
        Assert.Contains("review-table", page, StringComparison.Ordinal);
        Assert.Contains(RegencyReason, page, StringComparison.Ordinal);
        Assert.DoesNotContain(ProvinceReason, page, StringComparison.Ordinal);
    }

    private async Task<Guid> SeedGrantsAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var supervisor = await users.FindByEmailAsync(SignInClient.AccountFor(Roles.Supervisor).Email);
        var grantee = await users.FindByEmailAsync(DemoUsers.All.First(u => u.Role == Roles.Manager).Email);
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        var regency = (await db.Sites.SingleAsync(s => s.Code == TwoSiteApp.RegencyCode)).Id;
        var now = DateTime.UtcNow;
        db.Set<AccessGrant>().AddRange(
            new AccessGrant { SiteId = Site.DefaultId, UserId = grantee!.Id, Reason = ProvinceReason, GrantedById = supervisor!.Id, GrantedAtUtc = now, ValidFromUtc = now, ValidUntilUtc = now.AddHours(8) },
            new AccessGrant { SiteId = regency, UserId = grantee.Id, Reason = RegencyReason, GrantedById = supervisor.Id, GrantedAtUtc = now, ValidFromUtc = now, ValidUntilUtc = now.AddHours(8) });
        await db.SaveChangesAsync();
        return regency;
    }

    private async Task LimitSupervisorAsync(Guid regency)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = await users.FindByEmailAsync(WebAppFactory.AdminEmail);
        var supervisor = await users.FindByEmailAsync(SignInClient.AccountFor(Roles.Supervisor).Email);
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        await scope.ServiceProvider.GetRequiredService<SiteAssignments>().LimitAsync(await Actors.LoadAsync(db, admin!.Id), supervisor!.Id, [regency]);
    }
}
