using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain.Delegation;

/// <summary>
/// The menu's "stands in for a Pengawas" comes from the process-wide <see cref="DirectoryCache"/>, not a query per
/// render: a delegation given or ended by this process is seen at once, and one that begins or runs out later is judged
/// by the clock without reading again.
/// </summary>
/// <remarks>Runs on both providers: <c>StandInDirectoryTests+Sqlite</c> and <c>StandInDirectoryTests+PostgreSql</c>.</remarks>
public abstract class StandInDirectoryTests(StorageProvider provider) : IAsyncLifetime
{
    public sealed class Sqlite() : StandInDirectoryTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : StandInDirectoryTests(StorageProvider.PostgreSql);

    private const string Delegate = People.OtherManager;

    private readonly DirectoryChanges _changes = new();
    private TestDatabase _db = null!;
    private DirectoryCache _cache = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateSopAsync(provider);
        _cache = new DirectoryCache(new Factory(this), _changes, _db.Time);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ADelegationGivenAndEnded_IsSeenAtOnce_OnThisNode()
    {
        Assert.False((await _cache.CurrentAsync()).IsStandingIn(Delegate, _db.Time.GetUtcNow()));

        var standIn = await StandInsAsync(s => s.DelegateAsync(People.Actor(People.Supervisor),
            new NewStandIn(Delegate, StandInKind.Plh, _db.Now.AddMinutes(-1), _db.Now.AddDays(5), "Dinas luar kota")));
        var given = await _cache.CurrentAsync();
        await StandInsAsync(s => s.EndAsync(People.Actor(People.Supervisor), standIn.Id));
        var ended = await _cache.CurrentAsync();

        Assert.True(given.IsStandingIn(Delegate, _db.Time.GetUtcNow()));
        Assert.False(given.IsStandingIn(People.Manager, _db.Time.GetUtcNow()));
        Assert.False(ended.IsStandingIn(Delegate, _db.Time.GetUtcNow()));
    }

    [Fact]
    public async Task ADelegationBeginsAndRunsOut_ByTheClock_FromTheSameView()
    {
        await StandInsAsync(s => s.DelegateAsync(People.Actor(People.Supervisor),
            new NewStandIn(Delegate, StandInKind.Plt, _db.Now.AddDays(1), _db.Now.AddDays(3), "Cuti")));
        var view = await _cache.CurrentAsync();

        var before = view.IsStandingIn(Delegate, _db.Time.GetUtcNow());
        _db.Time.Advance(TimeSpan.FromDays(2));
        var during = view.IsStandingIn(Delegate, _db.Time.GetUtcNow());
        _db.Time.Advance(TimeSpan.FromDays(2));
        var after = view.IsStandingIn(Delegate, _db.Time.GetUtcNow());

        Assert.Equal((false, true, false), (before, during, after));
    }

    private async Task<T> StandInsAsync<T>(Func<StandInService, Task<T>> action)
    {
        await using var db = NewContext();
        return await action(new StandInService(db, _db.Time, new AuditLog(db, _db.Time)));
    }

    // As the app makes them: evidence sealing and the directory's change interceptor.
    private DataCenterOpsDbContext NewContext() =>
        _db.NewContext(new EvidenceSealingInterceptor(_db.Key, _db.Anchors, _db.Time), new DirectoryChangeInterceptor(_changes));

    private sealed class Factory(StandInDirectoryTests owner) : IDbContextFactory<DataCenterOpsDbContext>
    {
        public DataCenterOpsDbContext CreateDbContext() => owner.NewContext();
    }
}
