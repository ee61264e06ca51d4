using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Domain.Sla;
using DataCenterOps.Domain.Workflow;

namespace DataCenterOps.Tests.Domain;

/// <remarks>Runs on both providers: <c>SlaTests+Sqlite</c> and <c>SlaTests+PostgreSql</c>.</remarks>
public abstract class SlaTests(StorageProvider provider)
{
    public sealed class Sqlite() : SlaTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : SlaTests(StorageProvider.PostgreSql);

    [Fact]
    public async Task DraftLetter_IsDueIn15Minutes_AndOverdueAfter()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.DraftAsync();

        var step = (await OpenAsync(database)).Single();
        Assert.Equal(SopStep.AssignmentLetter, step.Step);
        Assert.Equal(TestDatabase.SopStart.UtcDateTime.AddMinutes(15), step.DueAtUtc);
        Assert.False(step.IsOverdue);

        database.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.True((await OpenAsync(database)).Single().IsOverdue);
    }

    [Fact]
    public async Task EachOpenStep_IsTimedFromWhenItOpened()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.DraftAsync();
        database.Time.Advance(TimeSpan.FromMinutes(5));
        await flow.IssueAsync();
        var issuedAt = database.Time.GetUtcNow().UtcDateTime;

        var plan = (await OpenAsync(database)).Single();
        Assert.Equal(SopStep.WorkPlan, plan.Step);
        Assert.Equal(issuedAt.AddDays(1), plan.DueAtUtc);
        Assert.Equal([People.Manager], plan.ResponsibleUserIds);

        await flow.CreatePlanAsync();
        await flow.AddItemAsync();
        database.Time.Advance(TimeSpan.FromHours(2));
        await flow.PublishAsync();
        await flow.CompleteChecklistsAsync();
        await flow.SubmitAsync();
        var submittedAt = database.Time.GetUtcNow().UtcDateTime;

        var review = (await OpenAsync(database)).Single();
        Assert.Equal(SopStep.Review, review.Step);
        Assert.Equal(submittedAt.AddHours(1), review.DueAtUtc);
        database.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.True((await OpenAsync(database)).Single().IsOverdue);

        await flow.ApproveAsync();
        var archive = (await OpenAsync(database)).Single();
        Assert.Equal(SopStep.Archive, archive.Step);
        Assert.False(archive.IsOverdue);

        await flow.ArchiveAsync();
        Assert.Empty(await OpenAsync(database));
    }

    [Fact]
    public async Task StandardTimes_AreConfigurable()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        database.Sop.StandardTimes.AssignmentLetter = TimeSpan.FromMinutes(2);
        await new SopFlow(database).DraftAsync();
        database.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.True((await OpenAsync(database)).Single().IsOverdue);
    }

    [Fact]
    public void Report_HasNoStandardTime()
    {
        var step = SlaClock.Open(new StandardTimes(), DateTime.UtcNow, SopStep.Report, Guid.NewGuid(), null, "", [], DateTime.UnixEpoch);
        Assert.Null(step.DueAtUtc);
        Assert.False(step.IsOverdue);
    }

    private static async Task<IReadOnlyList<OpenStep>> OpenAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await new SopBoardService(db, database.Time, database.Options).OpenStepsAsync();
    }
}
