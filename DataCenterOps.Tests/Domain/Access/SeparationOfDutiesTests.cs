using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static DataCenterOps.Tests.TestSupport.TestDatabase;

namespace DataCenterOps.Tests.Domain.Access;

/// <summary>Whoever authorises, voids or corrects a DC-room access record is never the person it is about.</summary>
/// <remarks>Runs on both providers: <c>SeparationOfDutiesTests+Sqlite</c> and <c>SeparationOfDutiesTests+PostgreSql</c>.</remarks>
public abstract class SeparationOfDutiesTests(StorageProvider provider) : IAsyncLifetime
{
    public sealed class Sqlite() : SeparationOfDutiesTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : SeparationOfDutiesTests(StorageProvider.PostgreSql);

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await CreateAccessAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Pengawas_CannotGrantHimselfAccess_ButAnotherPengawasCan()
    {
        await using var db = _db.NewContext();

        var own = await Assert.ThrowsAsync<AccessRuleViolationException>(async () =>
            await _db.Grants(db).GrantAsync(await ActorAsync(db, Supervisor), new NewGrant(Supervisor, "Cek kabel", 2)));
        var byColleague = await _db.Grants(db).GrantAsync(await ActorAsync(db, Supervisor2), new NewGrant(Supervisor, "Cek kabel", 2));

        Assert.Equal(AccessError.OwnAccess, own.Code);
        Assert.Equal("GrantOwnAccess", own.MessageKey);
        Assert.Equal(Supervisor2, byColleague.GrantedById);
        await using var check = _db.NewContext();
        Assert.Equal(1, await check.Set<AccessGrant>().CountAsync());
    }

    [Fact]
    public async Task Pengawas_CannotVoidOrCorrectHisOwnEntry_ButAnotherCorrectorCan()
    {
        await using var db = _db.NewContext();
        await _db.Grants(db).GrantAsync(await ActorAsync(db, Supervisor2), new NewGrant(Supervisor, "Cek kabel", 4));
        var entry = await _db.Register(db).RegisterStaffEntryAsync(await ActorAsync(db, Operator), Staff(Supervisor));
        _db.Time.Advance(TimeSpan.FromHours(2));
        var supervisor = await ActorAsync(db, Supervisor);

        var voidOwn = await Assert.ThrowsAsync<AccessRuleViolationException>(() => _db.Register(db).VoidAsync(supervisor, entry.Id, "salah catat"));
        var correctOwn = await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _db.Register(db).CorrectAsync(supervisor, entry.Id, new EntryCorrection(null, _db.Now.AddHours(-1), null, "keluar lebih awal")));
        await _db.Register(db).CorrectAsync(await ActorAsync(db, Administrator), entry.Id, new EntryCorrection(null, _db.Now.AddHours(-1), null, "Keluar tanpa dicatat"));

        Assert.Equal((AccessError.OwnAccess, "VoidOwnEntry"), (voidOwn.Code, voidOwn.MessageKey));
        Assert.Equal((AccessError.OwnAccess, "CorrectOwnEntry"), (correctOwn.Code, correctOwn.MessageKey));
        await using var check = _db.NewContext();
        var stored = await check.Set<AccessEntry>().SingleAsync();
        Assert.Equal(AccessEntryStatus.Left, stored.Status);
        Assert.Equal(1, await check.Set<AccessEntryCorrection>().CountAsync());
    }
}
