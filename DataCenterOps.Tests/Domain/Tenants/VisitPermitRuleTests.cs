using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Tenants;
using DataCenterOps.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static DataCenterOps.Tests.TestSupport.TestDatabase;

namespace DataCenterOps.Tests.Domain.Tenants;

/// <summary>
/// Co-location tenants' visits: a permit is decided only by the Pengawas or his Plh., never by its requester; a visit
/// needs an approved permit valid now, a person it names and a staff escort who is inside; permits, decisions and
/// visits are append-only in the database.
/// </summary>
/// <remarks>Runs on both providers: <c>VisitPermitRuleTests+Sqlite</c> and <c>VisitPermitRuleTests+PostgreSql</c>.</remarks>
public abstract class VisitPermitRuleTests(StorageProvider provider) : IAsyncLifetime
{
    public sealed class Sqlite() : VisitPermitRuleTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : VisitPermitRuleTests(StorageProvider.PostgreSql);

    private const string TenantUserA = "u-tenant-a";
    private const string TenantUserB = "u-tenant-b";
    private const string Visitor = "Andi Pratama";

    private TestDatabase _db = null!;
    private Guid _tenantA;
    private Guid _tenantB;

    public async Task InitializeAsync()
    {
        _db = await CreateAccessAsync(provider);
        await using var db = _db.NewContext();
        var service = Tenants(db);
        var admin = await ActorAsync(db, Administrator);
        _tenantA = (await service.AddAsync(admin, new NewTenant("BAPENDA", "Badan Pendapatan Daerah"))).Id;
        _tenantB = (await service.AddAsync(admin, new NewTenant("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah"))).Id;
        foreach (var id in new[] { TenantUserA, TenantUserB })
        {
            db.Users.Add(new AppUser { Id = id, UserName = id, NormalizedUserName = id.ToUpperInvariant(), FullName = id });
        }

        await db.SaveChangesAsync();
        await service.BindUserAsync(admin, TenantUserA, _tenantA);
        await service.BindUserAsync(admin, TenantUserB, _tenantB);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Permit_IsApprovedByThePengawas_AndTheDecisionIsAudited()
    {
        var permit = await RequestAsync(TenantUserA, _tenantA);

        var decision = await DecideAsync(Supervisor, permit.Id, approve: true);

        Assert.True(decision.Approved);
        Assert.Null(decision.StandInId);
        await using var check = _db.NewContext();
        var stored = await check.VisitPermits.Include(p => p.Decision).SingleAsync(p => p.Id == permit.Id);
        Assert.Equal(VisitPermitState.Approved, stored.State);
        Assert.Contains(await check.AuditEntries.ToListAsync(), a => a.Action == "VisitPermitApproved" && a.EntityId == permit.Id.ToString() && a.ActorId == Supervisor);
        Assert.Contains(await check.AuditEntries.ToListAsync(), a => a.Action == "VisitPermitRequested" && a.ActorId == TenantUserA);
    }

    [Fact]
    public async Task Permit_IsApprovedByThePlh_AndTheStandInIsRecorded()
    {
        var standIn = await StandInAsync(Inspector2);
        var permit = await RequestAsync(Manager, _tenantA);

        var decision = await DecideAsync(Inspector2, permit.Id, approve: true);

        Assert.Equal(standIn.Id, decision.StandInId);
        await using var check = _db.NewContext();
        var audit = await check.AuditEntries.SingleAsync(a => a.Action == "VisitPermitApproved");
        Assert.Equal(Inspector2, audit.ActorId);
        Assert.Contains(standIn.Id.ToString(), audit.AfterJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Manager)]
    [InlineData(Operator)]
    [InlineData(Administrator)]
    [InlineData(Inspector)]
    [InlineData(TenantUserA)]
    public async Task Permit_IsNotDecided_ByAnyoneButThePengawasOrHisPlh(string userId)
    {
        var permit = await RequestAsync(Manager, _tenantA);

        var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(() => DecideAsync(userId, permit.Id, approve: true));

        Assert.Equal(userId == Manager ? "PermitDecisionOwnRequest" : "PermitDecisionNeedsPengawas", ex.MessageKey);
        await using var check = _db.NewContext();
        Assert.False(await check.Set<VisitPermitDecision>().AnyAsync());
    }

    [Fact]
    public async Task Permit_IsNotDecided_ByThePlh_AfterHisDelegationEnded()
    {
        await StandInAsync(Inspector2);
        var permit = await RequestAsync(Manager, _tenantA);
        _db.Time.Advance(TimeSpan.FromDays(2));

        var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(() => DecideAsync(Inspector2, permit.Id, approve: true));

        Assert.Equal("PermitDecisionNeedsPengawas", ex.MessageKey);
    }

    [Fact]
    public async Task Permit_IsDecidedOnce()
    {
        var permit = await RequestAsync(Manager, _tenantA);
        await DecideAsync(Supervisor, permit.Id, approve: false, "Jadwal bentrok dengan pemeliharaan UPS");

        var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(() => DecideAsync(Supervisor2, permit.Id, approve: true));

        Assert.Equal("PermitAlreadyDecided", ex.MessageKey);
    }

    [Fact]
    public async Task TenantAccount_RequestsPermitsOnlyForItsOwnTenant()
    {
        var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(() => RequestAsync(TenantUserA, _tenantB));
        var operatorEx = await Assert.ThrowsAsync<AccessRuleViolationException>(() => RequestAsync(Operator, _tenantA));

        Assert.Equal("PermitRequestNeedsRole", ex.MessageKey);
        Assert.Equal("PermitRequestNeedsRole", operatorEx.MessageKey);
    }

    [Fact]
    public async Task TenantVisit_IsRegistered_OnAnApprovedPermit_ForANamedPerson_UnderStaffEscort()
    {
        var permit = await ApprovedPermitAsync();
        await EscortInsideAsync();
        await using var db = _db.NewContext();

        var entry = await _db.Register(db).RegisterTenantVisitAsync(await ActorAsync(db, Operator), Visit(permit.Id, "  andi  PRATAMA "));

        Assert.Equal(AccessPersonKind.Visitor, entry.Kind);
        Assert.Equal(Manager, entry.EscortUserId);
        Assert.Equal("Badan Pendapatan Daerah", entry.Organisation);
        await using var check = _db.NewContext();
        var visit = await check.TenantVisits.SingleAsync();
        Assert.Equal((entry.Id, _tenantA, permit.Id), (visit.EntryId, visit.TenantId, visit.PermitId));
    }

    [Fact]
    public async Task TenantVisit_IsRefusedAndRecorded_WithoutAnApprovedPermit()
    {
        var permit = await RequestAsync(TenantUserA, _tenantA);
        await EscortInsideAsync();
        await AssertVisitRefusedAsync(Visit(permit.Id, Visitor), "PermitNotApproved");
    }

    [Fact]
    public async Task TenantVisit_IsRefusedAndRecorded_OutsideThePermitsPeriod()
    {
        var permit = await ApprovedPermitAsync();
        _db.Time.Advance(TimeSpan.FromDays(3));
        await EscortInsideAsync();
        await AssertVisitRefusedAsync(Visit(permit.Id, Visitor), "PermitNotValidNow");
    }

    [Fact]
    public async Task TenantVisit_IsRefusedAndRecorded_ForAPersonNotNamedOnThePermit()
    {
        var permit = await ApprovedPermitAsync();
        await EscortInsideAsync();
        await AssertVisitRefusedAsync(Visit(permit.Id, "Budi Santoso"), "PersonNotOnPermit");
    }

    [Fact]
    public async Task TenantVisit_IsRefusedAndRecorded_WithoutAnEscort()
    {
        var permit = await ApprovedPermitAsync();
        await AssertVisitRefusedAsync(Visit(permit.Id, Visitor, escort: ""), "TenantVisitNeedsEscort");
    }

    [Fact]
    public async Task TenantVisit_IsRefusedAndRecorded_WhenTheEscortIsATenantsAccount()
    {
        var permit = await ApprovedPermitAsync();
        await AssertVisitRefusedAsync(Visit(permit.Id, Visitor, escort: TenantUserB), "EscortNotStaff");
    }

    [Fact]
    public async Task TenantVisit_IsRefused_WhenTheStaffEscortIsNotInside()
    {
        var permit = await ApprovedPermitAsync();
        await AssertVisitRefusedAsync(Visit(permit.Id, Visitor, escort: Inspector), "EscortNotInside");
    }

    [Fact]
    public async Task PermitsDecisionsAndVisits_AreAppendOnly_InTheDatabase()
    {
        var permit = await ApprovedPermitAsync();
        await EscortInsideAsync();
        await using (var register = _db.NewContext())
        {
            await _db.Register(register).RegisterTenantVisitAsync(await ActorAsync(register, Operator), Visit(permit.Id, Visitor));
        }

        await using var db = _db.NewContext();
        await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"VisitPermitDecisions\" SET \"Approved\" = FALSE"));
        await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"VisitPermitDecisions\""));
        await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"VisitPermits\" SET \"UntilUtc\" = \"FromUtc\""));
        await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"VisitPermitPersons\" SET \"Name\" = 'Orang Lain'"));
        await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"TenantVisits\""));
        Assert.Equal(1, await db.Set<VisitPermitDecision>().CountAsync(d => d.Approved));
    }

    [Fact]
    public async Task ApprovedPermit_IsCancelledByThePengawas_WithAReason_AuditedAndShownCancelledToTheTenant()
    {
        var permit = await ApprovedPermitAsync();

        var cancellation = await CancelAsync(Supervisor, permit.Id, "Pemeliharaan UPS mendadak");

        Assert.Null(cancellation.StandInId);
        await using var check = _db.NewContext();
        var stored = await check.VisitPermits.Include(p => p.Decision).Include(p => p.Cancellation).SingleAsync(p => p.Id == permit.Id);
        Assert.Equal(VisitPermitState.Cancelled, stored.State);
        Assert.False(stored.IsValidAt(_db.Now));
        Assert.Equal(1, await check.Set<VisitPermitDecision>().CountAsync(d => d.Approved));
        var audit = await check.AuditEntries.SingleAsync(a => a.Action == "VisitPermitCancelled");
        Assert.Equal((Supervisor, permit.Id.ToString()), (audit.ActorId, audit.EntityId));
        Assert.Contains("Pemeliharaan UPS mendadak", audit.AfterJson, StringComparison.Ordinal);
        var portal = await new TenantQueries(check).PortalAsync(await ActorAsync(check, TenantUserA));
        Assert.Equal(VisitPermitState.Cancelled, Assert.Single(portal!.Permits).State);
    }

    [Fact]
    public async Task ApprovedPermit_IsCancelledByThePlh_AndTheStandInIsRecorded()
    {
        var permit = await ApprovedPermitAsync();
        var standIn = await StandInAsync(Inspector2);

        var cancellation = await CancelAsync(Inspector2, permit.Id, "Ruang server ditutup sementara");

        Assert.Equal(standIn.Id, cancellation.StandInId);
    }

    [Theory]
    [InlineData(Manager)]
    [InlineData(Operator)]
    [InlineData(Administrator)]
    [InlineData(Inspector)]
    [InlineData(TenantUserA)]
    public async Task Permit_IsNotCancelled_ByAnyoneButThePengawasOrHisPlh(string userId)
    {
        var permit = await ApprovedPermitAsync();

        var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(() => CancelAsync(userId, permit.Id, "Tidak jadi"));

        Assert.Equal("PermitCancelNeedsPengawas", ex.MessageKey);
        await using var check = _db.NewContext();
        Assert.False(await check.Set<VisitPermitCancellation>().AnyAsync());
    }

    [Fact]
    public async Task Cancellation_NeedsAReason_AnApprovedPermit_AndAPeriodNotYetOver_AndHappensOnce()
    {
        var requested = await RequestAsync(Manager, _tenantA);
        var approved = await ApprovedPermitAsync();

        var noReason = await Assert.ThrowsAsync<AccessRuleViolationException>(() => CancelAsync(Supervisor, approved.Id, "  "));
        var notApproved = await Assert.ThrowsAsync<AccessRuleViolationException>(() => CancelAsync(Supervisor, requested.Id, "Tidak jadi"));
        await CancelAsync(Supervisor, approved.Id, "Tidak jadi");
        var twice = await Assert.ThrowsAsync<AccessRuleViolationException>(() => CancelAsync(Supervisor2, approved.Id, "Tidak jadi"));
        var later = await ApprovedPermitAsync();
        _db.Time.Advance(TimeSpan.FromDays(2));
        var over = await Assert.ThrowsAsync<AccessRuleViolationException>(() => CancelAsync(Supervisor, later.Id, "Tidak jadi"));

        Assert.Equal(AccessError.InvalidInput, noReason.Code);
        Assert.Equal("PermitCancelNotApproved", notApproved.MessageKey);
        Assert.Equal("PermitAlreadyCancelled", twice.MessageKey);
        Assert.Equal("PermitInPast", over.MessageKey);
        await using var check = _db.NewContext();
        Assert.Equal(1, await check.Set<VisitPermitCancellation>().CountAsync());
    }

    [Fact]
    public async Task TenantVisit_IsRefusedAndRecorded_OnACancelledPermit()
    {
        var permit = await ApprovedPermitAsync();
        await CancelAsync(Supervisor, permit.Id, "Jadwal bentrok dengan pemeliharaan UPS");
        await EscortInsideAsync();
        await AssertVisitRefusedAsync(Visit(permit.Id, Visitor), "PermitCancelled");
    }

    [Fact]
    public async Task Cancellations_AreAppendOnly_InTheDatabase()
    {
        var permit = await ApprovedPermitAsync();
        await CancelAsync(Supervisor, permit.Id, "Tidak jadi");

        await using var db = _db.NewContext();
        await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"VisitPermitCancellations\" SET \"Reason\" = 'lain'"));
        await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"VisitPermitCancellations\""));
        Assert.Equal("Tidak jadi", (await db.Set<VisitPermitCancellation>().SingleAsync()).Reason);
    }

    private TenantService Tenants(DataCenterOpsDbContext db) => new(db, _db.Time, new AuditLog(db, _db.Time));

    private VisitPermitService Permits(DataCenterOpsDbContext db) => new(db, _db.Time, new AuditLog(db, _db.Time));

    private async Task<VisitPermit> RequestAsync(string userId, Guid tenantId)
    {
        await using var db = _db.NewContext();
        return await Permits(db).RequestAsync(await ActorAsync(db, userId),
            new NewVisitPermit(tenantId, _db.Now.AddHours(-1), _db.Now.AddDays(1), [Visitor, "Dewi Lestari"], "Ganti disk server e-Samsat"));
    }

    private async Task<VisitPermitDecision> DecideAsync(string userId, Guid permitId, bool approve, string? reason = null)
    {
        await using var db = _db.NewContext();
        return await Permits(db).DecideAsync(await ActorAsync(db, userId), permitId, approve, reason);
    }

    private async Task<VisitPermitCancellation> CancelAsync(string userId, Guid permitId, string reason)
    {
        await using var db = _db.NewContext();
        return await Permits(db).CancelAsync(await ActorAsync(db, userId), permitId, reason);
    }

    private async Task<VisitPermit> ApprovedPermitAsync()
    {
        var permit = await RequestAsync(TenantUserA, _tenantA);
        await DecideAsync(Supervisor, permit.Id, approve: true);
        return permit;
    }

    private async Task<StandIn> StandInAsync(string delegateId)
    {
        await using var db = _db.NewContext();
        var service = new StandInService(db, _db.Time, new AuditLog(db, _db.Time));
        return await service.DelegateAsync(await ActorAsync(db, Supervisor),
            new NewStandIn(delegateId, StandInKind.Plh, _db.Now.AddHours(-1), _db.Now.AddDays(1), "Dinas luar ke Balikpapan"));
    }

    /// <summary>The Pengelola comes in on a Surat Tugas, to escort.</summary>
    private async Task EscortInsideAsync()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(5));
        await using var db = _db.NewContext();
        await _db.Register(db).RegisterStaffEntryAsync(await ActorAsync(db, Operator), Staff(Manager));
    }

    private static TenantVisitInput Visit(Guid permitId, string name, string escort = Manager) =>
        new(permitId, name, "KTP", "6472010101010009", IdHeldAtDesk: true, "Ganti disk", escort, []);

    private async Task AssertVisitRefusedAsync(TenantVisitInput input, string messageKey)
    {
        await using (var db = _db.NewContext())
        {
            var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(async () =>
                await _db.Register(db).RegisterTenantVisitAsync(await ActorAsync(db, Operator), input));
            Assert.Equal(messageKey, ex.MessageKey);
        }

        await using var check = _db.NewContext();
        Assert.False(await check.TenantVisits.AnyAsync());
        Assert.False(await check.Set<AccessEntry>().AnyAsync(e => e.Kind == AccessPersonKind.Visitor));
        Assert.True(await check.Set<AccessRefusal>().AnyAsync(r => r.PersonName == input.Name.Trim()));
    }
}
