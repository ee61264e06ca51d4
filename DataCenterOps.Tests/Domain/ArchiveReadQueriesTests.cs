using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Domain;

/// <summary>The archive read rule's lookups: which Laporan and checklists are archived, and who is named on them.</summary>
/// <remarks>Runs on both providers: <c>ArchiveReadQueriesTests+Sqlite</c> and <c>ArchiveReadQueriesTests+PostgreSql</c>.</remarks>
public abstract class ArchiveReadQueriesTests(StorageProvider provider)
{
    public sealed class Sqlite() : ArchiveReadQueriesTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : ArchiveReadQueriesTests(StorageProvider.PostgreSql);

    [Fact]
    public async Task ReportAndChecklist_AreNotArchived_UntilTheLaporanIs_AndUnknownIdsAreNeither()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.Approved);
        var (executionId, _) = (await flow.ExecutionsAsync()).First();

        Assert.Null(await QueryAsync(database, q => q.ArchivedPlanOfReportAsync(flow.ReportId)));
        Assert.Null(await QueryAsync(database, q => q.ArchivedPlanOfChecklistAsync(executionId)));
        Assert.Null(await QueryAsync(database, q => q.ArchivedPlanOfReportAsync(Guid.NewGuid())));
        Assert.Null(await QueryAsync(database, q => q.ArchivedPlanOfChecklistAsync(Guid.NewGuid())));

        await flow.ArchiveAsync();

        Assert.Equal(flow.PlanId, await QueryAsync(database, q => q.ArchivedPlanOfReportAsync(flow.ReportId)));
        Assert.Equal(flow.PlanId, await QueryAsync(database, q => q.ArchivedPlanOfChecklistAsync(executionId)));
    }

    [Theory]
    [InlineData(People.Supervisor, true)]
    [InlineData(People.Manager, true)]
    [InlineData(People.Inspector1, true)]
    [InlineData(People.Inspector2, true)]
    [InlineData(People.OtherSupervisor, false)]
    [InlineData(People.OtherManager, false)]
    [InlineData(People.UnnamedInspector, false)]
    [InlineData(People.Operator, false)]
    public async Task OnlyThePeopleOnTheLetterPlanAndChecklists_AreNamedOnAnArchivedLaporan(string person, bool named)
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.Archived);

        Assert.Equal(named, await QueryAsync(database, q => q.IsNamedOnPlanAsync(flow.PlanId, person)));
    }

    [Fact]
    public async Task NobodyIsNamed_OnAnUnknownPlan()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);

        Assert.False(await QueryAsync(database, q => q.IsNamedOnPlanAsync(Guid.NewGuid(), People.Supervisor)));
    }

    private static async Task<T> QueryAsync<T>(TestDatabase database, Func<ArchiveReadQueries, Task<T>> query)
    {
        await using var db = database.NewContext();
        return await query(new ArchiveReadQueries(db));
    }
}
