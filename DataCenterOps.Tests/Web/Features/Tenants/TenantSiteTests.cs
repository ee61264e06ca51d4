using System.Net;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Domain.Tenants;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Tests.Web.Shared.Sites;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Tenants;

/// <summary>
/// The tenant screens over HTTP against the real app with two sites (<see cref="TwoSiteApp"/>): a regency tenant beside the
/// province's demo tenants. Staff screens show the current site's tenants and permits within the person's site limits;
/// the user-sites screen leaves tenant accounts out; a tenant's rack at another site is not read from this room's plan.
/// </summary>
public sealed class TenantSiteTests(TenantSiteTests.App app) : IClassFixture<TenantSiteTests.App>
{
    private const string RegencyTenant = "DISKOMINFO-KUKAR";
    private const string RegencyPurpose = "Pasang router Kukar";
    private const string ProvincePurpose = "Ganti disk e-Samsat Provinsi";

    [Fact]
    public async Task PermitsPage_ShowsTheCurrentSitesTenantsAndPermits_Only()
    {
        using var supervisor = await SignInClient.ClientAsync(app.Sites.Factory, Roles.Supervisor);

        var province = await supervisor.GetStringAsync("/tenants/permits");
        var regency = await supervisor.GetStringAsync($"/tenants/permits?site={TwoSiteApp.RegencyCode}");

        Assert.Contains(ProvincePurpose, province, StringComparison.Ordinal);
        Assert.DoesNotContain(RegencyPurpose, province, StringComparison.Ordinal);
        Assert.DoesNotContain(RegencyTenant, province, StringComparison.Ordinal);
        Assert.Contains(RegencyPurpose, regency, StringComparison.Ordinal);
        Assert.Contains(RegencyTenant, regency, StringComparison.Ordinal);
        Assert.DoesNotContain(ProvincePurpose, regency, StringComparison.Ordinal);
        Assert.DoesNotContain("BAPENDA", regency, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PermitsPage_KeepsToThePersonsSiteLimits_WhateverSiteIsAskedFor()
    {
        using var inspector = await RegencyInspectorAsync();

        var page = await inspector.GetStringAsync("/tenants/permits?site=DC-KALTIM");

        Assert.Contains(RegencyPurpose, page, StringComparison.Ordinal);
        Assert.DoesNotContain(ProvincePurpose, page, StringComparison.Ordinal);
        Assert.DoesNotContain("BAPENDA", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantsAdmin_ShowsTheCurrentSitesTenants_Only()
    {
        using var manager = await SignInClient.ClientAsync(app.Sites.Factory, Roles.Manager);

        var province = await manager.GetStringAsync("/admin/tenants");
        var regency = await manager.GetStringAsync($"/admin/tenants?site={TwoSiteApp.RegencyCode}");

        Assert.Contains("data-testid=\"tenant-BAPENDA\"", province, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-testid=\"tenant-{RegencyTenant}\"", province, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"tenant-{RegencyTenant}\"", regency, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"tenant-BAPENDA\"", regency, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"tenant-BPKAD\"", regency, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserSites_LeavesTenantAccountsOut_AndTheDomainRefusesToLimitOne()
    {
        using var admin = await SignInClient.ClientAsync(app.Sites.Factory, Roles.Administrator);

        var page = await admin.GetStringAsync("/admin/user-sites");

        Assert.Contains("data-user=\"pemeriksa1@dcops.local\"", page, StringComparison.Ordinal);
        foreach (var tenant in DemoTenants.All)
        {
            Assert.DoesNotContain(tenant.Email, page, StringComparison.Ordinal);
        }

        Assert.Contains("data-testid=\"user-sites-tenants\"", page, StringComparison.Ordinal);
        await using var scope = app.Sites.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DataCenterOpsDbContext>();
        var tenantUser = await db.Users.SingleAsync(u => u.Email == DemoTenants.All[0].Email);
        var actor = await services.GetRequiredService<PeopleDirectory>().ActorAsync((await db.Users.SingleAsync(u => u.Email == WebAppFactory.AdminEmail)).Id);
        var ex = await Assert.ThrowsAsync<SopRuleViolationException>(() => services.GetRequiredService<SiteAssignments>().LimitAsync(actor, tenantUser.Id, [Site.DefaultId]));
        Assert.Equal("TenantAccountHasNoSites", ex.MessageKey);
        Assert.False(await db.UserSites.AnyAsync(s => s.UserId == tenantUser.Id));
    }

    [Fact]
    public async Task TenantPortal_ReadsThePlansLiveValues_OnlyForItsRacksAtThePlansSite()
    {
        using var tenant = app.Sites.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var login = await SignInClient.PostLoginAsync(tenant, DemoTenants.All[0].Email, DemoUsers.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var page = await tenant.GetStringAsync("/tenant");

        // Its regency rack carries the label A2, as the province's BPKAD rack on the plan: it must not show pdu-a02's load.
        var row = RowOf(page, "tenant-rack-A2");
        Assert.Contains("Rak A2 Kukar BAPENDA", row, StringComparison.Ordinal);
        Assert.Contains(TwoSiteApp.RegencyCode, row, StringComparison.Ordinal);
        Assert.Contains("tidak ada nilai langsung", row, StringComparison.Ordinal);
        Assert.DoesNotContain(" A ", row, StringComparison.Ordinal);
        Assert.Contains("Rak A1 BAPENDA", RowOf(page, "tenant-rack-A1"), StringComparison.Ordinal);
    }

    private static string RowOf(string page, string testId)
    {
        var start = page.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{testId} not on the page");
        var end = page.IndexOf("</tr>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    private async Task<HttpClient> RegencyInspectorAsync()
    {
        var client = app.Sites.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var login = await SignInClient.PostLoginAsync(client, TwoSiteApp.RegencyInspector, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    /// <summary><see cref="TwoSiteApp"/> with a regency tenant and a permit at each site, and BAPENDA's second rack moved to the regency.</summary>
    public sealed class App : IAsyncLifetime
    {
        public TwoSiteApp Sites { get; } = new();

        public async Task InitializeAsync()
        {
            await Sites.InitializeAsync();
            await using var scope = Sites.Factory.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<DataCenterOpsDbContext>();
            var people = services.GetRequiredService<PeopleDirectory>();
            async Task<Actor> ActorAsync(string email) => await people.ActorAsync((await db.Users.SingleAsync(u => u.Email == email)).Id);
            var regency = await db.Sites.SingleAsync(s => s.Code == TwoSiteApp.RegencyCode);
            var admin = await ActorAsync(WebAppFactory.AdminEmail);
            var manager = await ActorAsync("pengelola@dcops.local");
            var supervisor = await ActorAsync("supervisor@dcops.local");
            var kukar = await services.GetRequiredService<TenantService>().AddAsync(admin, new NewTenant(RegencyTenant, "Diskominfo Kabupaten Kutai Kartanegara", regency.Id));
            var bapenda = await db.Tenants.SingleAsync(t => t.Code == "BAPENDA");
            var permits = services.GetRequiredService<VisitPermitService>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            foreach (var (tenantId, purpose) in new[] { (kukar.Id, RegencyPurpose), (bapenda.Id, ProvincePurpose) })
            {
                var permit = await permits.RequestAsync(manager, new NewVisitPermit(tenantId, now.AddHours(-1), now.AddDays(1), ["Andi Pratama"], purpose));
                await permits.DecideAsync(supervisor, permit.Id, approve: true, null);
            }

            // Equipment moved to another site after it was given to the tenant (the registry allows the move).
            db.Equipment.Add(new Equipment
            {
                Kind = EquipmentKind.ServerRack, Name = "Rak A2 Kukar BAPENDA", Room = "Ruang server", Row = "A", Rack = "A2", SiteId = regency.Id, TenantId = bapenda.Id,
            });
            await db.SaveChangesAsync();
        }

        public async Task DisposeAsync() => await Sites.DisposeAsync();
    }
}
