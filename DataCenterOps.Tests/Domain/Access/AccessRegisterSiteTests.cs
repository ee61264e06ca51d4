using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static DataCenterOps.Tests.TestSupport.TestDatabase;

namespace DataCenterOps.Tests.Domain.Access;

/// <summary>The register is per site's room: entries, refusals, letters, escorts and exports stay at their site.</summary>
/// <remarks>Runs on both providers: <c>AccessRegisterSiteTests+Sqlite</c> and <c>AccessRegisterSiteTests+PostgreSql</c>.</remarks>
public abstract class AccessRegisterSiteTests(StorageProvider provider) : IAsyncLifetime
{
    public sealed class Sqlite() : AccessRegisterSiteTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : AccessRegisterSiteTests(StorageProvider.PostgreSql);

    private static readonly Guid s_regency = new("5e7e0000-0000-4000-8000-0000000000b1");
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await CreateAccessAsync(provider);
        await using var db = _db.NewContext();
        db.Sites.Add(new Site { Id = s_regency, Code = "DC-KUKAR", Name = "Ruang server Kabupaten Kutai Kartanegara", Address = "Tenggarong", TimeZone = "Asia/Makassar" });
        // The desk Operator is limited to the regency; the other seeded people work everywhere.
        db.UserSites.Add(new UserSite { UserId = Operator, SiteId = s_regency });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task StaffEntry_IsRefused_ForADeskLimitedToAnotherSite()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        var desk = await ActorAsync(db, Operator);
        var error = await Assert.ThrowsAsync<AccessRuleViolationException>(() => _db.Register(db).RegisterStaffEntryAsync(desk, Staff(Inspector)));
        Assert.Equal(AccessError.OtherSite, error.Code);
        Assert.Equal("OtherSite", error.MessageKey);
        Assert.Empty(await db.Set<AccessEntry>().ToListAsync());
    }

    [Fact]
    public async Task Letter_AuthorisesEntryOnlyToItsOwnSitesRoom()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1)); // for the default site
        await using var db = _db.NewContext();
        var desk = await ActorAsync(db, Supervisor);

        var error = await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _db.Register(db).RegisterStaffEntryAsync(desk, Staff(Inspector) with { SiteId = s_regency }));
        Assert.Equal(AccessError.NoValidAuthorisation, error.Code);
        await using var check = _db.NewContext();
        Assert.Equal(s_regency, (await check.Set<AccessRefusal>().SingleAsync()).SiteId);

        var entry = await _db.Register(check).RegisterStaffEntryAsync(desk, Staff(Inspector));
        Assert.Equal(Site.DefaultId, entry.SiteId);
    }

    [Fact]
    public async Task Visitor_IsRefused_WhenTheEscortIsInsideAnotherSitesRoom()
    {
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
        await using var db = _db.NewContext();
        var desk = await ActorAsync(db, Supervisor);
        await _db.Register(db).RegisterStaffEntryAsync(desk, Staff(Inspector));

        await using var other = _db.NewContext();
        var error = await Assert.ThrowsAsync<AccessRuleViolationException>(() =>
            _db.Register(other).RegisterVisitorEntryAsync(desk, Visitor(Inspector) with { SiteId = s_regency }));
        Assert.Equal(AccessError.EscortNotInside, error.Code);
    }

    [Fact]
    public async Task InsideLogAndExport_AreForTheSitesAsked_AndALimitedReaderGetsOnlyHis()
    {
        await using (var seed = _db.NewContext())
        {
            seed.Set<AccessEntry>().AddRange(
                new AccessEntry { Kind = AccessPersonKind.Visitor, SiteId = Site.DefaultId, PersonName = "Tamu Provinsi", IdType = "KTP", IdNumber = "1", InAtUtc = _db.Now, InRecordedById = Supervisor },
                new AccessEntry { Kind = AccessPersonKind.Visitor, SiteId = s_regency, PersonName = "Tamu Kabupaten", IdType = "KTP", IdNumber = "2", InAtUtc = _db.Now, InRecordedById = Supervisor });
            await seed.SaveChangesAsync();
        }

        await using var db = _db.NewContext();
        var register = _db.Register(db);
        Assert.Equal("Tamu Kabupaten", Assert.Single(await register.GetInsideAsync(s_regency)).PersonName);
        Assert.Equal(2, (await register.GetInsideAsync()).Count);
        Assert.Equal("Tamu Provinsi", Assert.Single(await register.SearchAsync(new AccessLogFilter(SiteIds: [Site.DefaultId]))).PersonName);

        var limited = await ActorAsync(db, Operator);
        Assert.Equal("Tamu Kabupaten", Assert.Single(await register.ExportAsync(limited, new AccessLogFilter(), "csv")).PersonName);
        var error = await Assert.ThrowsAsync<AccessRuleViolationException>(() => register.ExportAsync(limited, new AccessLogFilter(SiteIds: [Site.DefaultId]), "csv"));
        Assert.Equal(AccessError.OtherSite, error.Code);
        var province = (await db.Set<AccessEntry>().SingleAsync(e => e.SiteId == Site.DefaultId)).Id;
        Assert.Null(await register.GetEntryAsync(await ActorAsync(db, Operator), province));
    }
}
