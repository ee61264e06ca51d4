using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain.Sites;

/// <summary>A person limited to site B can neither see nor issue for site A; without limits a person works everywhere.</summary>
/// <remarks>Runs on both providers: <c>SiteRuleTests+Sqlite</c> and <c>SiteRuleTests+PostgreSql</c>.</remarks>
public abstract class SiteRuleTests(StorageProvider provider)
{
    public sealed class Sqlite() : SiteRuleTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : SiteRuleTests(StorageProvider.PostgreSql);

    private static readonly Guid s_regency = new("5e7e0000-0000-4000-8000-0000000000b0");

    [Fact]
    public async Task ExistingRows_BelongToTheDefaultSite_AfterMigration()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        await using var db = database.NewContext();
        var site = await db.Sites.SingleAsync();
        Assert.Equal(Site.DefaultId, site.Id);
        Assert.Equal(SitesOptions.DefaultCode, site.Code);
        Assert.NotEmpty(await db.Equipment.ToListAsync());
        Assert.All(await db.Equipment.ToListAsync(), e => Assert.Equal(Site.DefaultId, e.SiteId));
    }

    [Fact]
    public async Task PersonWithoutSiteRows_WorksAtEverySite()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        await AddRegencyAsync(database);
        await using var db = database.NewContext();
        var actor = await Actors.LoadAsync(db, People.Supervisor);
        Assert.Null(actor.Sites);
        var letter = await Letters(database, db).CreateDraftAsync(actor, Draft(database, s_regency));
        Assert.Equal(s_regency, letter.SiteId);
    }

    [Fact]
    public async Task DraftLetter_IsRefused_ForSupervisorLimitedToAnotherSite()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        await AddRegencyAsync(database, limit: People.Supervisor);
        await using var db = database.NewContext();
        var actor = await Actors.LoadAsync(db, People.Supervisor);
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => Letters(database, db).CreateDraftAsync(actor, Draft(database, siteId: null)));
        Assert.Equal(SopError.OtherSite, error.Code);
        Assert.Equal("OtherSite", error.MessageKey);
    }

    [Fact]
    public async Task Issue_IsRefused_WhenTheDraftingSupervisorIsNowLimitedToAnotherSite()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.DraftAsync();
        await AddRegencyAsync(database, limit: People.Supervisor);
        await using var db = database.NewContext();
        var actor = await Actors.LoadAsync(db, People.Supervisor);
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => Letters(database, db).IssueAsync(actor, flow.LetterId));
        Assert.Equal(SopError.OtherSite, error.Code);
        Assert.Equal(SopState.LetterDraft, await flow.LetterStateAsync());
    }

    [Fact]
    public async Task LetterQueries_RefuseSiteAsLetters_ForPersonLimitedToSiteB()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.DraftAsync();
        await AddRegencyAsync(database, limit: People.Inspector1);
        await using var db = database.NewContext();
        var actor = await Actors.LoadAsync(db, People.Inspector1);
        var queries = new LetterQueries(db);

        Assert.Equal(SopError.OtherSite, (await Assert.ThrowsAsync<SopRuleViolationException>(() => queries.RecentAtAsync(actor, Site.DefaultId))).Code);
        Assert.Equal(SopError.OtherSite, (await Assert.ThrowsAsync<SopRuleViolationException>(() => queries.DetailForAsync(actor, flow.LetterId))).Code);
        Assert.Empty(await queries.RecentAtAsync(actor, s_regency));
        Assert.Equal(SopError.OtherSite, (await Assert.ThrowsAsync<SopRuleViolationException>(() => new EquipmentQueries(db).AtSiteAsync(actor, Site.DefaultId))).Code);
        Assert.Equal([s_regency], (await new SiteQueries(db).VisibleToAsync(actor)).Select(s => s.Id));
    }

    [Fact]
    public async Task DraftLetter_IsRefused_WhenScopeEquipmentStandsAtAnotherSite()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        await AddRegencyAsync(database);
        var flow = new SopFlow(database);
        var ups = await flow.EquipmentAsync("ups-1");
        await using var db = database.NewContext();
        var actor = await Actors.LoadAsync(db, People.Supervisor);
        var now = database.Now;
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => Letters(database, db).CreateDraftAsync(actor,
            new NewAssignmentLetter("Pemeliharaan UPS", People.Manager, [People.Inspector1], [ups], [], now, now.AddDays(1), s_regency)));
        Assert.Equal("ScopeEquipmentOtherSite", error.MessageKey);
    }

    [Fact]
    public async Task DraftLetter_IsRefused_WhenNamedInspectorWorksAtAnotherSite()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        await AddRegencyAsync(database, limit: People.Inspector1);
        await using var db = database.NewContext();
        var actor = await Actors.LoadAsync(db, People.Supervisor);
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => Letters(database, db).CreateDraftAsync(actor, Draft(database, siteId: null)));
        Assert.Equal("NamedPersonOtherSite", error.MessageKey);
    }

    [Fact]
    public async Task CreatePlan_IsRefused_ForManagerLimitedToAnotherSite()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.DraftAsync();
        await flow.IssueAsync();
        await AddRegencyAsync(database, limit: People.Manager);
        await using var db = database.NewContext();
        var actor = await Actors.LoadAsync(db, People.Manager);
        var plans = new WorkPlanService(db, database.Time, database.Options, new AuditLog(db, database.Time));
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => plans.CreateAsync(actor, flow.LetterId, "Rencana Kerja UPS"));
        Assert.Equal(SopError.OtherSite, error.Code);
    }

    private static AssignmentLetterService Letters(TestDatabase database, DataCenterOpsDbContext db) =>
        new(db, database.Time, database.Options, new AuditLog(db, database.Time));

    private static NewAssignmentLetter Draft(TestDatabase database, Guid? siteId) =>
        new("Pemeliharaan bulanan UPS", People.Manager, [People.Inspector1], [], [EquipmentKind.Ups], database.Now, database.Now.AddDays(7), siteId);

    private static async Task AddRegencyAsync(TestDatabase database, string? limit = null)
    {
        await using var db = database.NewContext();
        db.Sites.Add(new Site { Id = s_regency, Code = "DC-KUKAR", Name = "Ruang server Kabupaten Kutai Kartanegara", Address = "Tenggarong", TimeZone = "Asia/Makassar" });
        if (limit is not null)
        {
            db.UserSites.Add(new UserSite { UserId = limit, SiteId = s_regency });
        }

        await db.SaveChangesAsync();
    }
}
