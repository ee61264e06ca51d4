using System.Net;
using System.Net.Http.Json;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Tenants;

/// <summary>
/// <c>POST /api/access/entries/tenant</c> against the real app: the desk registers a tenant's visit on an approved permit
/// under a staff escort inside; the Domain's refusals come back as 409 and are kept; the route has the register's policy,
/// antiforgery rule and API-key behaviour.
/// </summary>
public sealed class TenantVisitApiTests(TenantVisitApiTests.App app) : IClassFixture<TenantVisitApiTests.App>
{
    public const string ApiKey = "k3y-for-tenant-visits";

    [Fact]
    public async Task Desk_RegistersATenantVisit_OnAnApprovedPermit_UnderStaffEscort()
    {
        var permit = await app.ApprovedPermitAsync("Andi Pratama", TimeSpan.FromHours(-1));
        using var desk = await SignInClient.BrowserClientAsync(app.Factory, Roles.Operator);

        using var response = await desk.PostAsJsonAsync("/api/access/entries/tenant", app.Visit(permit, "andi  pratama"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<IdBody>())!.Id;
        Assert.Equal($"/api/access/entries/{id}", response.Headers.Location?.OriginalString);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        var visit = await db.TenantVisits.SingleAsync(v => v.EntryId == id);
        Assert.Equal(permit, visit.PermitId);
        var entry = await db.Set<AccessEntry>().SingleAsync(e => e.Id == id);
        Assert.Equal((AccessPersonKind.Visitor, app.ManagerId), (entry.Kind, entry.EscortUserId));
    }

    [Theory]
    [InlineData("outside-period", "NoValidAuthorisation")]
    [InlineData("not-named", "NoValidAuthorisation")]
    [InlineData("no-escort", "EscortNotInside")]
    [InlineData("cancelled", "NoValidAuthorisation")]
    public async Task Visit_IsRefusedAsAConflict_AndTheRefusalKept(string situation, string code)
    {
        var person = $"Tamu {situation}";
        var permit = await app.ApprovedPermitAsync(person, situation == "outside-period" ? TimeSpan.FromDays(2) : TimeSpan.FromHours(-1));
        if (situation == "cancelled")
        {
            await app.CancelAsync(permit);
        }

        var input = app.Visit(permit, situation == "not-named" ? "Orang Lain" : person) with { EscortUserId = situation == "no-escort" ? "" : app.ManagerId };
        using var desk = await SignInClient.BrowserClientAsync(app.Factory, Roles.Operator);

        using var response = await desk.PostAsJsonAsync("/api/access/entries/tenant", input);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(code, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        Assert.False(await db.TenantVisits.AnyAsync(v => v.PermitId == permit));
        Assert.True(await db.Set<AccessRefusal>().AnyAsync(r => r.PersonName == input.Name));
    }

    [Fact]
    public async Task Route_KeepsTheRegistersRules_ForEveryKindOfCaller()
    {
        var permit = await app.ApprovedPermitAsync("Dewi Lestari", TimeSpan.FromHours(-1));
        var body = app.Visit(permit, "Dewi Lestari");
        using var anonymous = await SignInClient.ClientAsync(app.Factory, null);
        using var noToken = await SignInClient.ClientAsync(app.Factory, Roles.Operator);
        using var key = await SignInClient.ClientAsync(app.Factory, null);
        key.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
        using var admin = await SignInClient.BrowserClientAsync(app.Factory, Roles.Administrator);
        using var tenant = await SignInClient.BrowserClientAsync(app.Factory, Roles.Tenant);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/access/entries/tenant", body)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await noToken.PostAsJsonAsync("/api/access/entries/tenant", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await key.PostAsJsonAsync("/api/access/entries/tenant", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/access/entries/tenant", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenant.PostAsJsonAsync("/api/access/entries/tenant", body)).StatusCode);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>().TenantVisits.AnyAsync(v => v.PermitId == permit));
    }

    private sealed record IdBody(Guid Id);

    /// <summary>The real app with an API key set, and the Pengelola inside the DC room on a one-off grant, to escort.</summary>
    public sealed class App : IAsyncLifetime
    {
        public WebAppFactory Factory { get; } = new();

        public string ManagerId { get; private set; } = "";

        private Guid _tenantId;

        public async Task InitializeAsync()
        {
            Factory.ExtraSettings["Api:ApiKey"] = ApiKey;
            await using var scope = Factory.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<DataCenterOpsDbContext>();
            var desk = await ActorAsync(services, "operator@dcops.local");
            var manager = await ActorAsync(services, "pengelola@dcops.local");
            ManagerId = manager.UserId;
            _tenantId = (await db.Tenants.SingleAsync(t => t.Code == "BAPENDA")).Id;
            await services.GetRequiredService<AccessGrantService>().GrantAsync(await ActorAsync(services, "supervisor@dcops.local"), new NewGrant(manager.UserId, "Mendampingi tenant"));
            await services.GetRequiredService<AccessRegisterService>().RegisterStaffEntryAsync(desk, new StaffEntryInput(manager.UserId, "Pendampingan tenant", null, []));
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();

        /// <summary>A permit for BAPENDA naming <paramref name="person"/>, starting <paramref name="startsIn"/> from now, approved by the Pengawas.</summary>
        public async Task<Guid> ApprovedPermitAsync(string person, TimeSpan startsIn)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var permits = services.GetRequiredService<VisitPermitService>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var permit = await permits.RequestAsync(await ActorAsync(services, "pengelola@dcops.local"),
                new NewVisitPermit(_tenantId, now + startsIn, now + startsIn + TimeSpan.FromDays(1), [person], "Ganti disk server e-Samsat"));
            await permits.DecideAsync(await ActorAsync(services, "supervisor@dcops.local"), permit.Id, approve: true, null);
            return permit.Id;
        }

        public async Task CancelAsync(Guid permitId)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await services.GetRequiredService<VisitPermitService>().CancelAsync(await ActorAsync(services, "supervisor@dcops.local"), permitId, "Pemeliharaan UPS mendadak");
        }

        public TenantVisitInput Visit(Guid permitId, string name) =>
            new(permitId, name, "KTP", "6472010101010033", IdHeldAtDesk: true, "Ganti disk", ManagerId, []);

        private static async Task<Actor> ActorAsync(IServiceProvider services, string email)
        {
            var db = services.GetRequiredService<DataCenterOpsDbContext>();
            return await services.GetRequiredService<PeopleDirectory>().ActorAsync((await db.Users.SingleAsync(u => u.Email == email)).Id);
        }
    }
}
