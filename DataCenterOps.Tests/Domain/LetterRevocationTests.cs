using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Domain;

/// <summary>A Surat Tugas whose Rencana Kerja is published cannot be revoked: its work must reach the archive, not be stranded.</summary>
/// <remarks>Runs on both providers: <c>LetterRevocationTests+Sqlite</c> and <c>LetterRevocationTests+PostgreSql</c>.</remarks>
public abstract class LetterRevocationTests(StorageProvider provider)
{
    public sealed class Sqlite() : LetterRevocationTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : LetterRevocationTests(StorageProvider.PostgreSql);

    [Theory]
    [InlineData(SopState.InExecution)]
    [InlineData(SopState.InReview)]
    [InlineData(SopState.Approved)]
    public async Task Revocation_IsRefused_OnceThePlanIsPublished(SopState state)
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(state);

        var error = await Assert.ThrowsAsync<SopRuleViolationException>(flow.RevokeAsync);

        Assert.Equal(SopError.IllegalTransition, error.Code);
        Assert.Equal("RevokeAfterPlanPublished", error.MessageKey);
        Assert.Equal(SopState.LetterIssued, await flow.LetterStateAsync());
    }

    [Fact]
    public async Task ApprovedReport_StillReachesTheArchive_AfterARefusedRevocation()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.Approved);
        await Assert.ThrowsAsync<SopRuleViolationException>(flow.RevokeAsync);

        await flow.ArchiveAsync();

        Assert.Equal(SopState.Archived, await flow.PlanStateAsync());
    }

    [Fact]
    public async Task Revocation_IsAllowed_WhileThePlanIsStillADraft()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.Planning);

        await flow.RevokeAsync();

        Assert.Equal(SopState.Revoked, await flow.LetterStateAsync());
    }
}
