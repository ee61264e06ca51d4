using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Domain.Tenants;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Tests.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static DataCenterOps.Tests.TestSupport.TestDatabase;

namespace DataCenterOps.Tests.Domain.Tenants;

/// <summary>
/// A permit cancelled while its people are inside: they are named to the canceller, flagged on the register and raised as
/// an access alarm for the tenant's site until the desk records their exit (nobody is let out automatically). The
/// escorts a tenant's visit may name are the staff of the permit's site.
/// </summary>
/// <remarks>Runs on both providers: <c>VisitPermitCancelledInsideTests+Sqlite</c> and <c>VisitPermitCancelledInsideTests+PostgreSql</c>.</remarks>
public abstract class VisitPermitCancelledInsideTests(StorageProvider provider) : IAsyncLifetime
{
    public sealed class Sqlite() : VisitPermitCancelledInsideTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : VisitPermitCancelledInsideTests(StorageProvider.PostgreSql);

    private const string TenantUser = "u-tenant-a";
    private const string Visitor = "Andi Pratama";
    private static readonly Guid s_regency = new("5e7e0000-0000-4000-8000-0000000000c1");

    private TestDatabase _db = null!;
    private readonly RecordingAlarmSink _sink = new();
    private Guid _tenant;

    public async Task InitializeAsync()
    {
        _db = await CreateAccessAsync(provider);
        await using var db = _db.NewContext();
        db.Sites.Add(new Site { Id = s_regency, Code = "DC-KUKAR", Name = "Ruang server Kabupaten Kutai Kartanegara", Address = "Tenggarong", TimeZone = "Asia/Makassar" });
        db.Users.Add(new AppUser { Id = TenantUser, UserName = TenantUser, NormalizedUserName = TenantUser.ToUpperInvariant(), FullName = TenantUser });
        // Pemeriksa Dua works at the regency only; the other seeded people everywhere.
        db.UserSites.Add(new UserSite { UserId = Inspector2, SiteId = s_regency });
        await db.SaveChangesAsync();
        var admin = await ActorAsync(db, Administrator);
        var tenants = new TenantService(db, _db.Time, new AuditLog(db, _db.Time));
        _tenant = (await tenants.AddAsync(admin, new NewTenant("BAPENDA", "Badan Pendapatan Daerah"))).Id;
        await tenants.BindUserAsync(admin, TenantUser, _tenant);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Cancellation_WhileAVisitorIsInside_NamesHim_FlagsHim_AndRaisesAnAccessAlarmForTheSite_UntilHisExitIsRecorded()
    {
        var permit = await ApprovedPermitAsync();
        var entry = await VisitInsideAsync(permit.Id);
        var doors = Doors();

        await using (var db = _db.NewContext())
        {
            await Permits(db).CancelAsync(await ActorAsync(db, Supervisor), permit.Id, "Tenant melanggar tata tertib");
        }

        await using (var db = _db.NewContext())
        {
            var supervisor = await ActorAsync(db, Supervisor);
            var inside = await new TenantQueries(db).InsideOnPermitAsync(supervisor, permit.Id);
            Assert.Equal([entry.Id], inside.Select(e => e.Id));
            Assert.Equal(AccessEntryStatus.Inside, (await db.Set<AccessEntry>().SingleAsync(e => e.Id == entry.Id)).Status); // no automatic exit
            Assert.Equal([entry.Id], await _db.Register(db).GetInsideOnCancelledPermitsAsync(Site.DefaultId));
            Assert.Empty(await _db.Register(db).GetInsideOnCancelledPermitsAsync(s_regency));
            var byPermit = await new TenantQueries(db).InsideOnCancelledPermitsAsync(supervisor, Site.DefaultId);
            Assert.Equal([entry.Id], Assert.Single(byPermit, p => p.Key == permit.Id).Value.Select(e => e.Id));
            Assert.Empty(await new TenantQueries(db).InsideOnCancelledPermitsAsync(supervisor, s_regency));
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "VisitPermitCancelled");
            Assert.Contains(Visitor, audit.AfterJson, StringComparison.Ordinal);
        }

        await doors.EvaluateAsync(default);
        var alarm = Assert.Single(_sink.Raised, a => a.Key == AccessAlarmKeys.PermitCancelledInside);
        Assert.Equal((AccessAlarmKeys.RoomSource, Site.DefaultId, AccessAlarmKeys.RoomSource), (alarm.Source, alarm.SiteId, alarm.RoomSource));
        Assert.Contains("1 person(s)", alarm.Message, StringComparison.Ordinal);

        // The guard records the exit (the escort stays): the flag and the alarm go.
        await using (var db = _db.NewContext())
        {
            await _db.Register(db).RegisterExitAsync(await ActorAsync(db, Operator), entry.Id, new ExitInput([], false));
        }

        await doors.EvaluateAsync(default);
        Assert.Contains((AccessAlarmKeys.RoomSource, AccessAlarmKeys.PermitCancelledInside), _sink.Cleared);
        Assert.DoesNotContain((AccessAlarmKeys.RoomSource, AccessAlarmKeys.PermitCancelledInside), doors.Raised);
        await using var check = _db.NewContext();
        Assert.Empty(await _db.Register(check).GetInsideOnCancelledPermitsAsync(Site.DefaultId));
        Assert.Empty(await new TenantQueries(check).InsideOnPermitAsync(await ActorAsync(check, Supervisor), permit.Id));
    }

    [Fact]
    public async Task Cancellation_WithNobodyInside_RaisesNothing_AndFlagsNobody()
    {
        var permit = await ApprovedPermitAsync();
        var doors = Doors();

        await using (var db = _db.NewContext())
        {
            await Permits(db).CancelAsync(await ActorAsync(db, Supervisor), permit.Id, "Jadwal berubah");
            Assert.Empty(await new TenantQueries(db).InsideOnPermitAsync(await ActorAsync(db, Supervisor), permit.Id));
        }

        await doors.EvaluateAsync(default);
        Assert.DoesNotContain(_sink.Raised, a => a.Key == AccessAlarmKeys.PermitCancelledInside);
    }

    [Fact]
    public async Task PeopleInsideOnAPermit_AreNotShown_ToSomeoneWhoseRolesDoNotReachItsSite()
    {
        var permit = await ApprovedPermitAsync();
        await VisitInsideAsync(permit.Id);
        await using var db = _db.NewContext();

        Assert.Empty(await new TenantQueries(db).InsideOnPermitAsync(await ActorAsync(db, Inspector2), permit.Id));
        Assert.Single(await new TenantQueries(db).InsideOnPermitAsync(await ActorAsync(db, Inspector), permit.Id));
    }

    [Fact]
    public async Task Escorts_AreTheStaffOfThePermitsSite_WithoutTenantAccounts()
    {
        await using var db = _db.NewContext();
        var queries = new TenantQueries(db);
        var supervisor = await ActorAsync(db, Supervisor);

        var province = (await queries.EscortsAsync(supervisor, Site.DefaultId)).Select(u => u.Id).ToList();
        var regency = (await queries.EscortsAsync(supervisor, s_regency)).Select(u => u.Id).ToList();

        Assert.Contains(Manager, province);
        Assert.DoesNotContain(Inspector2, province); // works at the regency only
        Assert.Contains(Inspector2, regency);
        Assert.Contains(Manager, regency);
        Assert.DoesNotContain(TenantUser, province);
        Assert.DoesNotContain(TenantUser, regency);
        Assert.DoesNotContain(Outsider, province); // no staff role
        Assert.Empty(await queries.EscortsAsync(await ActorAsync(db, Inspector2), Site.DefaultId));
    }

    private DoorCorrelationService Doors() =>
        new(new Factory(_db), _db.Time, Microsoft.Extensions.Options.Options.Create(_db.AccessOptions), [_sink], new AuditLogFactory(_db.Time), NullLogger<DoorCorrelationService>.Instance);

    private VisitPermitService Permits(DataCenterOpsDbContext db) => new(db, _db.Time, new AuditLog(db, _db.Time));

    private async Task<VisitPermit> ApprovedPermitAsync()
    {
        await using var db = _db.NewContext();
        var permit = await Permits(db).RequestAsync(await ActorAsync(db, TenantUser),
            new NewVisitPermit(_tenant, _db.Now.AddHours(-1), _db.Now.AddDays(1), [Visitor], "Ganti disk server e-Samsat"));
        await Permits(db).DecideAsync(await ActorAsync(db, Supervisor), permit.Id, approve: true, null);
        return permit;
    }

    /// <summary>The Pengelola comes in on a Surat Tugas and escorts the tenant's visitor in on the permit.</summary>
    private async Task<AccessEntry> VisitInsideAsync(Guid permitId)
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(5));
        await using var db = _db.NewContext();
        var desk = await ActorAsync(db, Operator);
        await _db.Register(db).RegisterStaffEntryAsync(desk, Staff(Manager));
        return await _db.Register(db).RegisterTenantVisitAsync(desk, new TenantVisitInput(permitId, Visitor, "KTP", "6472010101010009", IdHeldAtDesk: true, "Ganti disk", Manager, []));
    }

    private sealed class Factory(TestDatabase database) : IDbContextFactory<DataCenterOpsDbContext>
    {
        public DataCenterOpsDbContext CreateDbContext() => database.NewContext();
    }
}
