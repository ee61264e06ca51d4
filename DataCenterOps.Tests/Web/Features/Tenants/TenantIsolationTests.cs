using System.Net;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Domain.Tenants;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Tenants;

/// <summary>
/// Two demo tenants in the real app, each with a rack, a server, a permit and a visit: over HTTP each tenant's account
/// sees its own and never the other's, nor the room's alarms, and every staff route answers it 403.
/// </summary>
public sealed class TenantIsolationTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string VisitorA = "Andi Pratama";
    private const string VisitorB = "Bambang Sutrisno";

    private static readonly string[] StaffRoutes =
    [
        "/room", "/room/alarms", "/room/alarms/history", "/room/plan", "/room/wall", "/room/devices/pdu-a02", "/room/devices/pdu-a02/export.csv",
        "/board", "/equipment", "/access", "/access/log", "/api/access/log.csv", "/api/access/occupancy", "/api/v1/devices", "/api/v1/alarms",
        "/metrics", "/hangfire", "/admin/tenants", "/tenants/permits", "/admin/audit.csv", "/routine/compliance/2026-11.csv", "/sites",
    ];

    [Fact]
    public async Task EachTenant_SeesItsOwnRacksEquipmentAndVisits_AndNeverTheOthers()
    {
        await SeedVisitsAsync();
        using var a = await TenantClientAsync(DemoTenants.All[0].Email);
        using var b = await TenantClientAsync(DemoTenants.All[1].Email);

        var pageA = await a.GetStringAsync("/tenant");
        var pageB = await b.GetStringAsync("/tenant");

        AssertShows(pageA, "Rak A1 BAPENDA", "Server e-Samsat", VisitorA, "Badan Pendapatan Daerah");
        AssertHides(pageA, "BPKAD", "Rak A2", "SIPD", VisitorB, "Badan Pengelolaan Keuangan");
        AssertShows(pageB, "Rak A2 BPKAD", "Server SIPD Keuangan", VisitorB);
        AssertHides(pageB, "BAPENDA", "Rak A1", "e-Samsat", VisitorA, "Badan Pendapatan");
    }

    [Fact]
    public async Task TenantPortal_ShowsNoRoomAlarms_NorTheMenuToThem()
    {
        using var admin = await SignInClient.ClientAsync(app, Roles.Administrator);
        var alarms = await admin.GetStringAsync("/api/v1/alarms");
        using var a = await TenantClientAsync(DemoTenants.All[0].Email);

        var page = await a.GetStringAsync("/tenant");

        AssertHides(page, "room/alarms", "app-bar-alarms", "room/wall", "room/plan", "site-switcher");
        foreach (var device in new[] { "ups-1", "ups-2", "genset-1", "crac-1", "crac-2", "fire-1", "env-2", "pdu-a02" })
        {
            Assert.DoesNotContain(device, page, StringComparison.Ordinal);
        }

        Assert.NotNull(alarms);
    }

    [Fact]
    public async Task TenantAccount_Gets403_OnEveryStaffRoute_AndTheHomePageSendsItToItsPortal()
    {
        using var a = await TenantClientAsync(DemoTenants.All[0].Email);

        var refused = new List<string>();
        foreach (var path in StaffRoutes)
        {
            using var response = await a.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                refused.Add($"{path}: {(int)response.StatusCode}");
            }
        }

        using var home = await a.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/tenant", home.Headers.Location?.OriginalString);
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused));
    }

    private async Task<HttpClient> TenantClientAsync(string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var login = await SignInClient.PostLoginAsync(client, email, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    /// <summary>Each tenant gets an approved permit and one visit under the Pengelola's escort (who came in on a one-off grant).</summary>
    private async Task SeedVisitsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DataCenterOpsDbContext>();
        if (await db.TenantVisits.AnyAsync())
        {
            return;
        }

        var people = services.GetRequiredService<PeopleDirectory>();
        async Task<Actor> ActorAsync(string email) => await people.ActorAsync((await db.Users.SingleAsync(u => u.Email == email)).Id);
        var supervisor = await ActorAsync("supervisor@dcops.local");
        var manager = await ActorAsync("pengelola@dcops.local");
        var desk = await ActorAsync("operator@dcops.local");
        var clock = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var register = services.GetRequiredService<AccessRegisterService>();
        await services.GetRequiredService<AccessGrantService>().GrantAsync(supervisor, new NewGrant(manager.UserId, "Mendampingi tenant"));
        await register.RegisterStaffEntryAsync(desk, new StaffEntryInput(manager.UserId, "Pendampingan tenant", null, []));
        var permits = services.GetRequiredService<VisitPermitService>();
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Code).ToListAsync();
        foreach (var (code, visitor, idNumber) in new[] { ("BAPENDA", VisitorA, "6472010101010011"), ("BPKAD", VisitorB, "6472010101010022") })
        {
            var tenant = tenants.Single(t => t.Code == code);
            var permit = await permits.RequestAsync(manager, new NewVisitPermit(tenant.Id, clock.AddHours(-1), clock.AddDays(1), [visitor], "Ganti disk"));
            await permits.DecideAsync(supervisor, permit.Id, approve: true, null);
            await register.RegisterTenantVisitAsync(desk, new TenantVisitInput(permit.Id, visitor, "KTP", idNumber, true, "Ganti disk", manager.UserId, []));
        }
    }

    private static void AssertShows(string page, params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.Contains(text, page, StringComparison.Ordinal);
        }
    }

    private static void AssertHides(string page, params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(text, page, StringComparison.Ordinal);
        }
    }
}
