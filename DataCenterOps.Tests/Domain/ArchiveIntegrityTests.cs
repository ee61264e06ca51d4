using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain;

/// <summary>Archived reports are hash-chained, sealed with the evidence key, append-only in the database, and verified when read.</summary>
/// <remarks>Runs on both providers: <c>ArchiveIntegrityTests+Sqlite</c> and <c>ArchiveIntegrityTests+PostgreSql</c>.</remarks>
public abstract class ArchiveIntegrityTests(StorageProvider provider)
{
    public sealed class Sqlite() : ArchiveIntegrityTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : ArchiveIntegrityTests(StorageProvider.PostgreSql);

    [Fact]
    public async Task ArchivedReports_AreChained_AndIntact()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var (first, second) = await ArchiveTwoAsync(database);

        Assert.Equal(ArchiveHasher.Genesis, first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        var results = await VerifyAsync(database);
        Assert.All(results, r => Assert.Equal(IntegrityState.Intact, r.State));
        Assert.Equal(2, results.Count);
    }

    [Fact]
    public async Task Database_RefusesUpdateAndDelete_OnEvidenceTables()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        await ArchiveTwoAsync(database);
        await using var db = database.NewContext();

        await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"ArchivedReports\" SET \"ArchivedById\" = 'x'"));
        await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"ArchivedReports\""));
        await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorId\" = 'x'"));
        await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
    }

    [Fact]
    public async Task EditedArchivedRow_ShowsAsTampered()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var (first, _) = await ArchiveTwoAsync(database);
        await using (var db = database.NewContext())
        {
            // An attacker with file access: drop the guard, then rewrite the evidence.
            await db.Database.ExecuteSqlRawAsync(database.DropTriggerSql("ArchivedReports", "ArchivedReports_NoUpdate"));
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"ArchivedReports\" SET \"CanonicalJson\" = replace(\"CanonicalJson\", 'Baik', 'Bagus') WHERE \"Id\" = {0}", first.Id);
        }

        await using var read = database.NewContext();
        var result = (await new ArchiveService(read, database.Time, database.Key, new AuditLog(read, database.Time)).ReadAsync(first.Id))!.Value;
        Assert.Equal(IntegrityState.Tampered, result.Integrity.State);
        Assert.Contains("Bagus", result.Record.CanonicalJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RehashedEdit_IsTampered_BecauseTheKeyedSealNoLongerMatches()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var (first, second) = await ArchiveTwoAsync(database);
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync(database.DropTriggerSql("ArchivedReports", "ArchivedReports_NoUpdate"));
            var forged = await db.ArchivedReports.AsNoTracking().SingleAsync(a => a.Id == first.Id);
            forged.ArchivedById = People.OtherManager;
            var forgedHash = ArchiveHasher.Compute(forged);
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"ArchivedReports\" SET \"ArchivedById\" = {0}, \"Hash\" = {1} WHERE \"Id\" = {2}", People.OtherManager, forgedHash, first.Id);
        }

        var results = await VerifyAsync(database);
        // The SHA-256 hash agrees with the forged row; the HMAC seal, which needs the key, does not.
        Assert.Equal(IntegrityState.Tampered, results.Single(r => r.ArchiveId == first.Id).State);
        Assert.Equal(IntegrityState.ChainBroken, results.Single(r => r.ArchiveId == second.Id).State);
    }

    [Fact]
    public async Task DeletedRecord_BreaksTheChain()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var (first, second) = await ArchiveTwoAsync(database);
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync(database.DropTriggerSql("ArchivedReports", "ArchivedReports_NoDelete"));
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"ArchivedReports\" WHERE \"Id\" = {0}", first.Id);
        }

        Assert.Equal(IntegrityState.ChainBroken, (await VerifyAsync(database)).Single(r => r.ArchiveId == second.Id).State);
    }

    [Fact]
    public async Task Archive_IsRefused_WhenReportNotApproved()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.InReview);
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(flow.ArchiveAsync);
        Assert.Equal(SopError.IllegalTransition, error.Code);
    }

    private static async Task<(ArchivedReport First, ArchivedReport Second)> ArchiveTwoAsync(TestDatabase database)
    {
        var one = new SopFlow(database);
        await one.ToAsync(SopState.Approved);
        var first = await one.ArchiveAsync();
        var two = new SopFlow(database);
        await two.ToAsync(SopState.Approved);
        var second = await two.ArchiveAsync();
        return (first, second);
    }

    private static async Task<IReadOnlyList<IntegrityResult>> VerifyAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await new ArchiveService(db, database.Time, database.Key, new AuditLog(db, database.Time)).VerifyChainAsync();
    }
}
