using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static DataCenterOps.Tests.TestSupport.TestDatabase;

namespace DataCenterOps.Tests.Domain.Access;

/// <summary>One-off grants and the periodic review are per site's room, like the register: the Domain refuses the other site.</summary>
/// <remarks>Runs on both providers: <c>AccessGrantSiteTests+Sqlite</c> and <c>AccessGrantSiteTests+PostgreSql</c>.</remarks>
public abstract class AccessGrantSiteTests(StorageProvider provider) : IAsyncLifetime
{
    public sealed class Sqlite() : AccessGrantSiteTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : AccessGrantSiteTests(StorageProvider.PostgreSql);

    private static readonly Guid s_regency = new("5e7e0000-0000-4000-8000-0000000000b2");
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await CreateAccessAsync(provider);
        await using var db = _db.NewContext();
        db.Sites.Add(new Site { Id = s_regency, Code = "DC-KUKAR", Name = "Ruang server Kabupaten Kutai Kartanegara", Address = "Tenggarong", TimeZone = "Asia/Makassar" });
        // The second Pengawas works at the regency only; everyone else everywhere.
        db.UserSites.Add(new UserSite { UserId = Supervisor2, SiteId = s_regency });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Grant_BelongsToItsSite_AndOpensOnlyThatSitesRoom()
    {
        await using var db = _db.NewContext();
        var supervisor = await ActorAsync(db, Supervisor);
        var grant = await _db.Grants(db).GrantAsync(supervisor, new NewGrant(Outsider, "Vendor jaringan kabupaten", 4, s_regency));
        Assert.Equal(s_regency, grant.SiteId);

        await using var desk = _db.NewContext();
        var error = await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _db.Register(desk).RegisterStaffEntryAsync(supervisor, new StaffEntryInput(Outsider, "Jaringan", null, [])));
        Assert.Equal(AccessError.NoValidAuthorisation, error.Code);

        await using var regencyDesk = _db.NewContext();
        var entry = await _db.Register(regencyDesk).RegisterStaffEntryAsync(supervisor, new StaffEntryInput(Outsider, "Jaringan", null, [], s_regency));
        Assert.Equal(AccessBasis.OneOffGrant, entry.Basis);
        Assert.Equal(grant.Id, entry.GrantId);
    }

    [Fact]
    public async Task Grant_WithoutASite_IsForTheDefaultSite()
    {
        await using var db = _db.NewContext();
        var grant = await _db.Grants(db).GrantAsync(await ActorAsync(db, Supervisor), new NewGrant(Outsider, "Teknisi UPS", 2));
        await using var check = _db.NewContext();
        Assert.Equal(Site.DefaultId, (await check.Set<AccessGrant>().SingleAsync(g => g.Id == grant.Id)).SiteId);
    }

    [Fact]
    public async Task SupervisorLimitedToTheRegency_NeitherGrantsListsNorRevokesTheProvincesGrants()
    {
        await using var db = _db.NewContext();
        var limited = await ActorAsync(db, Supervisor2);
        var error = await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _db.Grants(db).GrantAsync(limited, new NewGrant(Outsider, "Teknisi UPS", 2)));
        Assert.Equal(AccessError.OtherSite, error.Code);
        Assert.Equal("OtherSite", error.MessageKey);

        var province = await _db.Grants(db).GrantAsync(await ActorAsync(db, Supervisor), new NewGrant(Outsider, "Teknisi UPS", 2));
        var own = await _db.Grants(db).GrantAsync(limited, new NewGrant(Inspector, "Cek sensor", 2, s_regency));

        await using var other = _db.NewContext();
        Assert.Equal(AccessError.OtherSite, (await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _db.Grants(other).ListAsync(limited, Site.DefaultId, openOnly: false))).Code);
        Assert.Equal(own.Id, Assert.Single(await _db.Grants(other).ListAsync(limited, s_regency, openOnly: true)).Id);
        Assert.Equal(AccessError.OtherSite, (await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _db.Grants(other).RevokeAsync(limited, province.Id, "bukan lokasinya"))).Code);

        await using var check = _db.NewContext();
        Assert.Null((await check.Set<AccessGrant>().SingleAsync(g => g.Id == province.Id)).RevokedAtUtc);
        Assert.Equal(2, await check.Set<AccessGrant>().CountAsync());
    }

    [Fact]
    public async Task Grant_IsRefused_ForAPersonWhoWorksAtAnotherSite_AndTheFormOffersOnlyTheSitesPeople()
    {
        await using (var seed = _db.NewContext())
        {
            seed.UserSites.Add(new UserSite { UserId = Outsider, SiteId = s_regency });
            await seed.SaveChangesAsync();
        }

        await using var db = _db.NewContext();
        var supervisor = await ActorAsync(db, Supervisor);
        var error = await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _db.Grants(db).GrantAsync(supervisor, new NewGrant(Outsider, "Teknisi UPS", 2)));
        Assert.Equal(AccessError.OtherSite, error.Code);
        Assert.Equal("GranteeOtherSite", error.MessageKey);
        Assert.Empty(await db.Set<AccessGrant>().ToListAsync());

        Assert.DoesNotContain(await _db.Grants(db).GranteesAsync(supervisor, Site.DefaultId), u => u.Id == Outsider);
        var regencyPeople = await _db.Grants(db).GranteesAsync(supervisor, s_regency);
        Assert.Contains(regencyPeople, u => u.Id == Outsider);
        Assert.Contains(regencyPeople, u => u.Id == Inspector);
    }

    [Fact]
    public async Task Review_ListsAndRevokesOnlyItsSitesLettersAndGrants_AndIsRecordedPerSite()
    {
        var provinceLetter = await _db.LetterAsync(TimeSpan.FromDays(-60), TimeSpan.FromDays(-1));
        await using var db = _db.NewContext();
        var supervisor = await ActorAsync(db, Supervisor);
        var provinceGrant = await _db.Grants(db).GrantAsync(supervisor, new NewGrant(Outsider, "Teknisi UPS", 2));
        var regencyGrant = await _db.Grants(db).GrantAsync(supervisor, new NewGrant(Inspector, "Cek sensor", 2, s_regency));

        var regencyLines = await _db.Reviews(db).GetAuthorisationsAsync(supervisor, s_regency);
        Assert.Equal(regencyGrant.Id, Assert.Single(regencyLines).ReferenceId);
        var provinceLines = await _db.Reviews(db).GetAuthorisationsAsync(supervisor);
        Assert.Contains(provinceLines, l => l.ReferenceId == provinceLetter.Id);
        Assert.Contains(provinceLines, l => l.ReferenceId == provinceGrant.Id);
        Assert.DoesNotContain(provinceLines, l => l.ReferenceId == regencyGrant.Id);

        // The regency's review cannot revoke the province's letter: it is not on that site's list.
        var error = await Assert.ThrowsAsync<AccessRuleViolationException>(() => _db.Reviews(db).RecordAsync(supervisor, null,
            [new(AuthorisationKind.AssignmentLetter, provinceLetter.Id)], "lapsed", s_regency));
        Assert.Equal("AuthorisationNotOpen", error.MessageKey);

        await using var record = _db.NewContext();
        var review = await _db.Reviews(record).RecordAsync(supervisor, "Tinjauan kabupaten", [new(AuthorisationKind.OneOffGrant, regencyGrant.Id)], "Selesai", s_regency);
        Assert.Equal(s_regency, review.SiteId);

        await using var check = _db.NewContext();
        Assert.Equal(SopState.LetterIssued, (await check.AssignmentLetters.SingleAsync(l => l.Id == provinceLetter.Id)).State);
        Assert.Null((await check.Set<AccessGrant>().SingleAsync(g => g.Id == provinceGrant.Id)).RevokedAtUtc);
        Assert.NotNull((await check.Set<AccessGrant>().SingleAsync(g => g.Id == regencyGrant.Id)).RevokedAtUtc);
        Assert.Equal(_db.Now.AddMonths(3), await _db.Reviews(check).NextDueUtcAsync(s_regency));
        Assert.Equal(_db.Now, await _db.Reviews(check).NextDueUtcAsync());
        Assert.Single(await _db.Reviews(check).ListAsync(supervisor, s_regency));
        Assert.Empty(await _db.Reviews(check).ListAsync(supervisor));
    }

    [Fact]
    public async Task Review_OfAnotherSite_IsRefused_ForASupervisorLimitedToTheRegency()
    {
        await using var db = _db.NewContext();
        var limited = await ActorAsync(db, Supervisor2);
        Assert.Equal(AccessError.OtherSite, (await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _db.Reviews(db).GetAuthorisationsAsync(limited))).Code);
        Assert.Equal(AccessError.OtherSite, (await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _db.Reviews(db).RecordAsync(limited, "x", [], null))).Code);
        Assert.Equal(AccessError.OtherSite, (await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _db.Reviews(db).ListAsync(limited))).Code);
        Assert.Empty(await db.Set<AccessReview>().ToListAsync());
    }
}
