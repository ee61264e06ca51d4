using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Domain.Tenants;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Tenants;

/// <summary>
/// A visit permit cancelled while its visitor is inside, over HTTP against the real app: the permits page names the
/// person still inside under the cancellation, and the register flags his entry (he is not let out automatically).
/// </summary>
public sealed class CancelledPermitInsideHttpTests(CancelledPermitInsideHttpTests.App app) : IClassFixture<CancelledPermitInsideHttpTests.App>
{
    public const string Visitor = "Rudi Hartono Uji Pembatalan";

    [Fact]
    public async Task PermitsPage_NamesThePersonStillInside_UnderTheCancellation()
    {
        using var supervisor = await SignInClient.ClientAsync(app.Factory, Roles.Supervisor);

        var page = await supervisor.GetStringAsync("/tenants/permits");

        Assert.Contains("data-testid=\"permit-still-inside\"", page, StringComparison.Ordinal);
        Assert.Contains($"1 orang masih di dalam ruang DC dengan izin ini: {Visitor}.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_FlagsTheEntryOnTheCancelledPermit_WhichIsStillInside()
    {
        using var desk = await SignInClient.ClientAsync(app.Factory, Roles.Operator);

        var page = await desk.GetStringAsync("/access");

        var row = page.IndexOf($"data-testid=\"inside-{app.EntryId}\"", StringComparison.Ordinal);
        Assert.True(row >= 0);
        var flag = page.IndexOf("data-testid=\"permit-cancelled-inside\"", row, StringComparison.Ordinal);
        Assert.True(flag > row && flag < page.IndexOf("</tr>", row, StringComparison.Ordinal));
    }

    /// <summary>The real app with a tenant whose approved permit was cancelled while its visitor was inside (rows as the services leave them).</summary>
    public sealed class App : IAsyncLifetime
    {
        public WebAppFactory Factory { get; } = new();

        public Guid EntryId { get; } = Guid.NewGuid();

        public async Task InitializeAsync()
        {
            _ = Factory.Server;
            await using var scope = Factory.Services.CreateAsyncScope();
            var admin = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(WebAppFactory.AdminEmail);
            var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
            var now = DateTime.UtcNow;
            var tenant = new Tenant { Code = "UJI-BATAL", Name = "Dinas Uji Pembatalan", SiteId = Site.DefaultId, CreatedAtUtc = now };
            var permit = new VisitPermit
            {
                TenantId = tenant.Id, FromUtc = now.AddHours(-2), UntilUtc = now.AddDays(1), Purpose = "Uji pembatalan", RequestedById = admin!.Id, RequestedAtUtc = now.AddHours(-3),
            };
            permit.Persons = [new VisitPermitPerson { PermitId = permit.Id, Name = Visitor }];
            db.Tenants.Add(tenant);
            db.VisitPermits.Add(permit);
            db.Add(new VisitPermitDecision { PermitId = permit.Id, Approved = true, DecidedById = admin.Id, DecidedAtUtc = now.AddHours(-2) });
            db.Set<AccessEntry>().Add(new AccessEntry
            {
                Id = EntryId, Kind = AccessPersonKind.Visitor, SiteId = Site.DefaultId, PersonName = Visitor, Organisation = tenant.Name, IdType = "KTP",
                IdNumber = "6472010101019999", Visiting = tenant.Name, Purpose = "Uji pembatalan", Basis = AccessBasis.Escort, InAtUtc = now.AddHours(-1), InRecordedById = admin.Id,
            });
            db.TenantVisits.Add(new TenantVisit { EntryId = EntryId, TenantId = tenant.Id, PermitId = permit.Id });
            db.Add(new VisitPermitCancellation { PermitId = permit.Id, Reason = "Uji", CancelledById = admin.Id, CancelledAtUtc = now.AddMinutes(-5) });
            await db.SaveChangesAsync();
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
