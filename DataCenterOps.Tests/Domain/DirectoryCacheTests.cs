using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain;

/// <summary>
/// The process-wide directory every screen's frame reads (names, site limits, sites): served from memory until this
/// process saves a change to it (seen by <see cref="DirectoryChangeInterceptor"/>) or a person's security stamp is not
/// the one it holds (a change made by another node, which renews the stamp).
/// </summary>
/// <remarks>Runs on both providers: <c>DirectoryCacheTests+Sqlite</c> and <c>DirectoryCacheTests+PostgreSql</c>.</remarks>
public abstract class DirectoryCacheTests(StorageProvider provider)
{
    public sealed class Sqlite() : DirectoryCacheTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : DirectoryCacheTests(StorageProvider.PostgreSql);

    [Fact]
    public async Task Current_IsServedFromMemory_UntilAChangeIsSaved()
    {
        await using var database = await TestDatabase.CreateAccessAsync(provider);
        var changes = new DirectoryChanges();
        var cache = new DirectoryCache(new Factory(database, new DirectoryChangeInterceptor(changes)), changes, database.Time);

        var first = await cache.CurrentAsync();
        var again = cache.CurrentAsync();

        Assert.True(again.IsCompletedSuccessfully);
        Assert.Same(first, await again);
        Assert.Equal("Pengawas Satu", first.NameOf(TestDatabase.Supervisor));
    }

    [Fact]
    public async Task Current_ShowsARenameAndNewSiteLimits_AsSoonAsThisProcessSavesThem()
    {
        await using var database = await TestDatabase.CreateAccessAsync(provider);
        var changes = new DirectoryChanges();
        var interceptor = new DirectoryChangeInterceptor(changes);
        var cache = new DirectoryCache(new Factory(database, interceptor), changes, database.Time);
        Assert.Null((await cache.CurrentAsync()).SitesOf(TestDatabase.Supervisor));

        var site = new Site { Code = "DR-TEST", Name = "DR" };
        await using (var db = database.NewContext(interceptor))
        {
            (await db.Users.SingleAsync(u => u.Id == TestDatabase.Supervisor)).FullName = "Pengawas Baru";
            db.Sites.Add(site);
            db.UserSites.Add(new UserSite { UserId = TestDatabase.Supervisor, SiteId = site.Id });
            await db.SaveChangesAsync();
        }

        var view = await cache.CurrentAsync();
        Assert.Equal("Pengawas Baru", view.NameOf(TestDatabase.Supervisor));
        Assert.Equal([site.Id], view.SitesOf(TestDatabase.Supervisor));
        Assert.Contains(view.Sites, s => s.Code == "DR-TEST");
    }

    [Fact]
    public async Task Current_ReadsAgain_WhenThePersonsSecurityStampIsNewerThanTheCachedOne()
    {
        await using var database = await TestDatabase.CreateAccessAsync(provider);
        var changes = new DirectoryChanges();
        var cache = new DirectoryCache(new Factory(database, new DirectoryChangeInterceptor(changes)), changes, database.Time);
        var before = await cache.CurrentAsync();

        // Another node limits the person to a site: the change renews their stamp, and this process saw nothing.
        var site = new Site { Code = "DR-OTHER", Name = "DR" };
        var stamp = Guid.NewGuid().ToString("N");
        await using (var db = database.NewContext())
        {
            (await db.Users.SingleAsync(u => u.Id == TestDatabase.Supervisor)).SecurityStamp = stamp;
            db.Sites.Add(site);
            db.UserSites.Add(new UserSite { UserId = TestDatabase.Supervisor, SiteId = site.Id });
            await db.SaveChangesAsync();
        }

        Assert.Same(before, await cache.CurrentAsync());
        var view = await cache.CurrentAsync(TestDatabase.Supervisor, stamp);

        Assert.NotSame(before, view);
        Assert.Equal([site.Id], view.SitesOf(TestDatabase.Supervisor));
    }

    private sealed class Factory(TestDatabase database, DirectoryChangeInterceptor interceptor) : IDbContextFactory<DataCenterOpsDbContext>
    {
        public DataCenterOpsDbContext CreateDbContext() => database.NewContext(interceptor);
    }
}
