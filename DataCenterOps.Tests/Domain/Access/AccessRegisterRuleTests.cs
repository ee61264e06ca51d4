using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.Web.Features.Access;
using Microsoft.EntityFrameworkCore;
using static DataCenterOps.Tests.TestSupport.TestDatabase;

namespace DataCenterOps.Tests.Domain.Access;

/// <remarks>Runs on both providers: <c>AccessRegisterRuleTests+Sqlite</c> and <c>AccessRegisterRuleTests+PostgreSql</c>.</remarks>
public abstract class AccessRegisterRuleTests(StorageProvider provider) : IAsyncLifetime
{
    public sealed class Sqlite() : AccessRegisterRuleTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : AccessRegisterRuleTests(StorageProvider.PostgreSql);

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await CreateAccessAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData(Manager)]
    [InlineData(Inspector)]
    public async Task StaffEntry_IsRegistered_WhenValidLetterNamesThem(string userId)
    {
        var letter = await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();

        var entry = await _db.Register(db).RegisterStaffEntryAsync(await ActorAsync(db, Operator), Staff(userId, null, new CarriedItem("Multimeter", "FL-87")));

        Assert.Equal(AccessBasis.AssignmentLetter, entry.Basis);
        Assert.Equal(letter.Id, entry.LetterId);
        Assert.Equal(letter.Number, entry.LetterNumber);
        Assert.Equal(_db.Now, entry.InAtUtc);
        await using var check = _db.NewContext();
        var stored = await check.Set<AccessEntry>().Include(e => e.Equipment).SingleAsync();
        Assert.Equal(AccessEntryStatus.Inside, stored.Status);
        Assert.Equal("FL-87", Assert.Single(stored.Equipment).SerialNumber);
        Assert.Contains(await check.AuditEntries.ToListAsync(), a => a.Action == "AccessEntered" && a.EntityId == entry.Id.ToString() && a.ActorId == Operator);
    }

    [Fact]
    public async Task StaffEntry_IsRefusedAndRecorded_WhenLetterExpired()
    {
        await _db.LetterAsync(TimeSpan.FromDays(-5), TimeSpan.FromDays(-1));
        await AssertRefusedAndRecordedAsync(Inspector);
    }

    [Fact]
    public async Task StaffEntry_IsRefusedAndRecorded_WhenLetterRevoked()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1), revoke: true);
        await AssertRefusedAndRecordedAsync(Inspector);
    }

    [Fact]
    public async Task StaffEntry_IsRefusedAndRecorded_WhenNoLetterNamesThem()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await AssertRefusedAndRecordedAsync(Inspector2);
    }

    [Fact]
    public async Task StaffEntry_IsRefused_WhenLetterIsOnlyADraft()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1), issue: false);
        await AssertRefusedAndRecordedAsync(Manager);
    }

    [Fact]
    public async Task StaffEntry_IsRefused_WhenChosenLetterDoesNotNameThem()
    {
        var letter = await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        var actor = await ActorAsync(db, Operator);
        var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(() => _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Inspector2, letter.Id)));
        Assert.Equal(AccessError.NoValidAuthorisation, ex.Code);
    }

    [Fact]
    public async Task StaffEntry_IsRefused_WhenAlreadyInside()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        var actor = await ActorAsync(db, Operator);
        await _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Inspector));

        var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(() => _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Inspector)));

        Assert.Equal(AccessError.AlreadyInside, ex.Code);
        Assert.Equal(1, await db.Set<AccessEntry>().CountAsync());
    }

    [Fact]
    public async Task Database_RefusesASecondOpenEntry_ForTheSamePerson()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using (var db = _db.NewContext())
        {
            await _db.Register(db).RegisterStaffEntryAsync(await ActorAsync(db, Operator), Staff(Inspector));
        }

        // As if a second desk had passed the check at the same moment: the partial unique index still refuses.
        await using var raw = _db.NewContext();
        raw.Set<AccessEntry>().Add(new AccessEntry { Kind = AccessPersonKind.Staff, UserId = Inspector, PersonName = "x", Purpose = "x", InAtUtc = _db.Now, InRecordedById = Operator });
        await Assert.ThrowsAsync<DbUpdateException>(() => raw.SaveChangesAsync());
    }

    [Fact]
    public async Task Register_IsRefused_ForAPersonWithoutARegistrarRole()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        foreach (var userId in new[] { Outsider, Administrator })
        {
            var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(async () =>
                await _db.Register(db).RegisterStaffEntryAsync(await ActorAsync(db, userId), Staff(Inspector)));
            Assert.Equal(AccessError.WrongRole, ex.Code);
        }
    }

    [Fact]
    public async Task VisitorEntry_IsRegistered_WhenAuthorisedEscortIsInside()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        var actor = await ActorAsync(db, Operator);
        var escort = await _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Manager));

        var visitor = await _db.Register(db).RegisterVisitorEntryAsync(actor, Visitor(Manager));

        Assert.Equal(AccessBasis.Escort, visitor.Basis);
        Assert.Equal(escort.Id, visitor.EscortEntryId);
        Assert.Equal("Pengelola", visitor.EscortName);
        Assert.True(visitor.IdHeldAtDesk);
        Assert.Null(visitor.IdReturnedAtUtc);
        Assert.Equal(2, (await _db.Register(db).GetInsideAsync()).Count);
    }

    [Fact]
    public async Task VisitorEntry_IsRefusedAndRecorded_WhenEscortIsNotInside()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();

        var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(async () =>
            await _db.Register(db).RegisterVisitorEntryAsync(await ActorAsync(db, Operator), Visitor(Manager)));

        Assert.Equal(AccessError.EscortNotInside, ex.Code);
        await using var check = _db.NewContext();
        var refusal = await check.Set<AccessRefusal>().SingleAsync();
        Assert.Equal("Budi Vendor", refusal.PersonName);
        Assert.Equal("6472010101010001", refusal.IdNumber);
        Assert.Empty(await check.Set<AccessEntry>().ToListAsync());
    }

    [Fact]
    public async Task VisitorEntry_IsRefused_WhenEscortsLetterWasRevokedAfterTheyCameIn()
    {
        var letter = await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        var actor = await ActorAsync(db, Operator);
        await _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Manager));
        await db.AssignmentLetters.Where(l => l.Id == letter.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.State, SopState.Revoked));

        var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(() => _db.Register(db).RegisterVisitorEntryAsync(actor, Visitor(Manager)));

        Assert.Equal(AccessError.EscortNotAuthorised, ex.Code);
    }

    [Fact]
    public async Task VisitorEntry_IsRefused_WhenTheSameIdIsAlreadyInside()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        var actor = await ActorAsync(db, Operator);
        await _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Manager));
        await _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Inspector));
        await _db.Register(db).RegisterVisitorEntryAsync(actor, Visitor(Manager));

        var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(() => _db.Register(db).RegisterVisitorEntryAsync(actor, Visitor(Inspector)));

        Assert.Equal(AccessError.AlreadyInside, ex.Code);
    }

    [Fact]
    public async Task Exit_ClosesTheEntry_RecordsEquipmentOut_AndReturnsTheId()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        var actor = await ActorAsync(db, Inspector);
        await _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Manager));
        var visitor = await _db.Register(db).RegisterVisitorEntryAsync(actor, Visitor(Manager));
        _db.Time.Advance(TimeSpan.FromMinutes(45));

        await _db.Register(db).RegisterExitAsync(actor, visitor.Id, new ExitInput([new CarriedItem("Baterai lama", "BAT-9")]));

        await using var check = _db.NewContext();
        var stored = await check.Set<AccessEntry>().Include(e => e.Equipment).SingleAsync(e => e.Id == visitor.Id);
        Assert.Equal(AccessEntryStatus.Left, stored.Status);
        Assert.Equal(_db.Now, stored.OutAtUtc);
        Assert.Equal(_db.Now, stored.IdReturnedAtUtc);
        Assert.Equal(Inspector, stored.OutRecordedById);
        Assert.Contains(stored.Equipment, i => i.Direction == EquipmentDirection.Out && i.SerialNumber == "BAT-9");
        Assert.Contains(stored.Equipment, i => i.Direction == EquipmentDirection.In && i.SerialNumber == "SN-123");
    }

    [Fact]
    public async Task Exit_IsRefused_WhenThePersonIsNotInside()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        var actor = await ActorAsync(db, Operator);
        var entry = await _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Inspector));
        await _db.Register(db).RegisterExitAsync(actor, entry.Id, new ExitInput([]));

        var twice = await Assert.ThrowsAsync<AccessRuleViolationException>(() => _db.Register(db).RegisterExitAsync(actor, entry.Id, new ExitInput([])));
        var unknown = await Assert.ThrowsAsync<AccessRuleViolationException>(() => _db.Register(db).RegisterExitAsync(actor, Guid.NewGuid(), new ExitInput([])));

        Assert.Equal(AccessError.NotInside, twice.Code);
        Assert.Equal(AccessError.NotFound, unknown.Code);
    }

    [Fact]
    public async Task EscortExit_IsRefused_WhileVisitorsAreInside_AndClosesThemWhenLeavingTogether()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        var actor = await ActorAsync(db, Operator);
        var escort = await _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Manager));
        await _db.Register(db).RegisterVisitorEntryAsync(actor, Visitor(Manager));
        await _db.Register(db).RegisterVisitorEntryAsync(actor, Visitor(Manager, "3171999999990002"));

        var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(() => _db.Register(db).RegisterExitAsync(actor, escort.Id, new ExitInput([])));
        Assert.Equal(AccessError.EscortHasVisitorsInside, ex.Code);

        var closed = await _db.Register(db).RegisterExitAsync(actor, escort.Id, new ExitInput([], WithVisitors: true));

        Assert.Equal(3, closed.Count);
        Assert.Empty(await _db.Register(db).GetInsideAsync());
        await using var check = _db.NewContext();
        Assert.Equal(3, await check.AuditEntries.CountAsync(a => a.Action == "AccessExited"));
    }

    [Fact]
    public async Task OneOffGrant_LetsAStaffMemberWithoutALetterInOnce()
    {
        await using var db = _db.NewContext();
        var supervisor = await ActorAsync(db, Supervisor);
        var actor = await ActorAsync(db, Operator);
        var grant = await _db.Grants(db).GrantAsync(supervisor, new NewGrant(Outsider, "Teknisi jaringan, gangguan switch inti", 4));

        var entry = await _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Outsider));
        await _db.Register(db).RegisterExitAsync(actor, entry.Id, new ExitInput([]));
        var again = await Assert.ThrowsAsync<AccessRuleViolationException>(() => _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Outsider)));

        Assert.Equal(AccessBasis.OneOffGrant, entry.Basis);
        Assert.Equal(grant.Id, entry.GrantId);
        Assert.Equal(AccessError.NoValidAuthorisation, again.Code);
        await using var check = _db.NewContext();
        var audit = await check.AuditEntries.SingleAsync(a => a.Action == "AccessGrantIssued");
        Assert.Equal(Supervisor, audit.ActorId);
        Assert.Contains("gangguan switch inti", audit.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneOffGrant_IsRefused_ForAnyoneButASupervisor_AndAfterItEnds()
    {
        await using var db = _db.NewContext();
        foreach (var userId in new[] { Operator, Manager, Administrator })
        {
            var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(async () =>
                await _db.Grants(db).GrantAsync(await ActorAsync(db, userId), new NewGrant(Outsider, "alasan", 4)));
            Assert.Equal(AccessError.WrongRole, ex.Code);
        }

        await _db.Grants(db).GrantAsync(await ActorAsync(db, Supervisor), new NewGrant(Outsider, "alasan", 1));
        _db.Time.Advance(TimeSpan.FromHours(2));
        var late = await Assert.ThrowsAsync<AccessRuleViolationException>(async () =>
            await _db.Register(db).RegisterStaffEntryAsync(await ActorAsync(db, Operator), Staff(Outsider)));
        Assert.Equal(AccessError.NoValidAuthorisation, late.Code);
    }

    [Fact]
    public async Task Void_IsRefusedForRegistrars_AndKeepsTheRowWithReasonForSupervisorsAndAdministrators()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        var entry = await _db.Register(db).RegisterStaffEntryAsync(await ActorAsync(db, Operator), Staff(Inspector));
        foreach (var userId in new[] { Operator, Manager, Inspector, Outsider })
        {
            var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(async () =>
                await _db.Register(db).VoidAsync(await ActorAsync(db, userId), entry.Id, "salah catat"));
            Assert.Equal(AccessError.WrongRole, ex.Code);
        }

        var noReason = await Assert.ThrowsAsync<AccessRuleViolationException>(async () =>
            await _db.Register(db).VoidAsync(await ActorAsync(db, Administrator), entry.Id, "  "));
        Assert.Equal(AccessError.InvalidInput, noReason.Code);

        await _db.Register(db).VoidAsync(await ActorAsync(db, Administrator), entry.Id, "Salah orang dicatat");

        await using var check = _db.NewContext();
        var stored = await check.Set<AccessEntry>().SingleAsync();
        Assert.Equal(AccessEntryStatus.Voided, stored.Status);
        Assert.Equal("Salah orang dicatat", stored.VoidReason);
        Assert.Equal(Administrator, stored.VoidedById);
        Assert.True((await check.Set<AccessEntryCorrection>().SingleAsync()).IsVoid);
        Assert.Contains(await check.AuditEntries.ToListAsync(), a => a.Action == "AccessVoided" && a.ActorId == Administrator);
        Assert.Empty(await _db.Register(check).GetInsideAsync());
    }

    [Fact]
    public async Task Correction_BySupervisor_ClosesAForgottenExit_WithReason()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        var entry = await _db.Register(db).RegisterStaffEntryAsync(await ActorAsync(db, Operator), Staff(Inspector));
        _db.Time.Advance(TimeSpan.FromHours(3));
        var leftAt = _db.Now.AddHours(-1);

        var operatorTry = await Assert.ThrowsAsync<AccessRuleViolationException>(async () =>
            await _db.Register(db).CorrectAsync(await ActorAsync(db, Operator), entry.Id, new EntryCorrection(null, leftAt, null, "lupa")));
        var beforeIn = await Assert.ThrowsAsync<AccessRuleViolationException>(async () =>
            await _db.Register(db).CorrectAsync(await ActorAsync(db, Supervisor), entry.Id, new EntryCorrection(null, entry.InAtUtc.AddMinutes(-1), null, "lupa")));
        await _db.Register(db).CorrectAsync(await ActorAsync(db, Supervisor), entry.Id, new EntryCorrection(null, leftAt, null, "Keluar tanpa dicatat, dikonfirmasi CCTV"));

        Assert.Equal(AccessError.WrongRole, operatorTry.Code);
        Assert.Equal(AccessError.InvalidInput, beforeIn.Code);
        await using var check = _db.NewContext();
        var stored = await check.Set<AccessEntry>().SingleAsync();
        Assert.Equal(AccessEntryStatus.Left, stored.Status);
        Assert.Equal(leftAt, stored.OutAtUtc);
        var correction = await check.Set<AccessEntryCorrection>().SingleAsync();
        Assert.Contains("Inside", correction.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("Left", correction.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_RefusesDeletingTheRegister_AndChangingRefusals()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        var actor = await ActorAsync(db, Operator);
        await _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Inspector));
        await Assert.ThrowsAsync<AccessRuleViolationException>(() => _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Inspector2)));

        var delete = await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AccessEntries\""));
        var update = await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AccessRefusals\" SET \"Message\" = 'x'"));

        Assert.Contains("never deleted", delete.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsEntriesByPeriodPersonAndLetter()
    {
        var letter = await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(5));
        await using var db = _db.NewContext();
        var actor = await ActorAsync(db, Operator);
        var escort = await _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Manager));
        await _db.Register(db).RegisterVisitorEntryAsync(actor, Visitor(Manager));
        await _db.Register(db).RegisterExitAsync(actor, escort.Id, new ExitInput([], true));
        _db.Time.Advance(TimeSpan.FromDays(2));
        await _db.Register(db).RegisterStaffEntryAsync(actor, Staff(Inspector));

        var register = _db.Register(db);
        Assert.Equal(3, (await register.SearchAsync(new AccessLogFilter())).Count);
        Assert.Single(await register.SearchAsync(new AccessLogFilter(FromUtc: _db.Now.AddHours(-1))));
        Assert.Equal(2, (await register.SearchAsync(new AccessLogFilter(ToUtc: _db.Now.AddDays(-1)))).Count);
        Assert.Equal("Budi Vendor", Assert.Single(await register.SearchAsync(new AccessLogFilter(Person: "daya prima"))).PersonName);
        Assert.Equal(2, (await register.SearchAsync(new AccessLogFilter(LetterId: letter.Id))).Count);
    }

    private async Task AssertRefusedAndRecordedAsync(string userId)
    {
        await using var db = _db.NewContext();
        var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(async () =>
            await _db.Register(db).RegisterStaffEntryAsync(await ActorAsync(db, Operator), Staff(userId)));

        Assert.Equal(AccessError.NoValidAuthorisation, ex.Code);
        await using var check = _db.NewContext();
        Assert.Empty(await check.Set<AccessEntry>().ToListAsync());
        var refusal = await check.Set<AccessRefusal>().SingleAsync();
        Assert.Equal(userId, refusal.UserId);
        Assert.Equal(AccessError.NoValidAuthorisation, refusal.Reason);
        Assert.Equal(Operator, refusal.RecordedById);
        Assert.Contains(await check.AuditEntries.ToListAsync(), a => a.Action == "AccessRefused" && a.EntityType == nameof(AccessRefusal));
    }
}
