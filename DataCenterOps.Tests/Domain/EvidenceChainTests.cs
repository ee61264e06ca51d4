using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain;

/// <summary>
/// The keyed chains (archive, audit) against what an attacker with write access to the database file does: rewrite
/// and recompute the SHA-256 chain, delete the newest entries, or forge seals without the key.
/// </summary>
public sealed class EvidenceChainTests
{
    [Fact]
    public async Task UntouchedDatabase_VerifiesIntact_AndIsAnchoredAtEveryWrite()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        await ArchiveTwoAsync(database);

        var chains = await VerifyAsync(database);

        Assert.All(chains, c => Assert.True(c.IsIntact, c.Line));
        var archive = chains.Single(c => c.Chain == EvidenceChains.Archive);
        Assert.Equal(2, archive.Entries);
        Assert.Equal(2, archive.Head.Sequence);
        Assert.Matches(@"^archive: intact, 2 entries, head #2 [0-9a-f]{12}$", archive.Line);
        var audit = chains.Single(c => c.Chain == EvidenceChains.Audit);
        Assert.True(audit.Entries > 10);
        // Each commit anchored its head: the newest anchor is the head itself.
        Assert.Equal(audit.Head, audit.Anchor!.Head);
        Assert.Equal(archive.Head, archive.Anchor!.Head);
    }

    [Fact]
    public async Task PassRewrittenToFail_WithTheSha256ChainRecomputed_IsTampered()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        var (first, second) = await ArchiveTwoAsync(database);

        await EvidenceForgery.RewriteArchiveAsync(database.Storage.DatabasePath, first.Id, "\"Pass\"", "\"Fail\"");

        await using (var db = database.NewContext())
        {
            // Today's unkeyed check would call this intact: every hash and link agrees again.
            var records = await db.ArchivedReports.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
            Assert.All(records, r => Assert.Equal(ArchiveHasher.Compute(r), r.Hash));
            Assert.Equal(records[0].Hash, records[1].PreviousHash);

            var read = (await new ArchiveService(db, database.Time, database.Key, new AuditLog(db, database.Time)).ReadAsync(first.Id))!.Value;
            Assert.Equal(IntegrityState.Tampered, read.Integrity.State);
            Assert.Contains("\"Fail\"", read.Record.CanonicalJson, StringComparison.Ordinal);
            Assert.Equal(IntegrityState.Tampered, (await new ArchiveService(db, database.Time, database.Key, new AuditLog(db, database.Time)).ReadAsync(second.Id))!.Value.Integrity.State);
        }

        var archive = (await VerifyAsync(database)).Single(c => c.Chain == EvidenceChains.Archive);
        Assert.False(archive.IsIntact);
        Assert.Equal("archive: TAMPERED at #1 (signature mismatch)", archive.Line);
    }

    [Fact]
    public async Task SealsRecomputedWithAnotherKey_AreTampered()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        await ArchiveTwoAsync(database);
        var forger = EvidenceKey.FromBytes(EvidenceKey.NewKeyBytes(), "forger");
        await using (var db = database.NewContext())
        {
            var seal = await db.EvidenceSeals.AsNoTracking().SingleAsync(s => s.Chain == EvidenceChains.Archive && s.Sequence == 1);
            var record = await db.ArchivedReports.AsNoTracking().SingleAsync(a => a.Id == 1);
            var forged = forger.Seal(EvidenceChains.Archive, 1, EvidenceChains.Genesis, EvidenceCanonical.Of(record));
            Assert.NotEqual(seal.Mac, forged);
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER EvidenceSeals_NoUpdate");
            await db.Database.ExecuteSqlRawAsync("UPDATE EvidenceSeals SET Mac = {0} WHERE Chain = 'archive' AND Sequence = 1", forged);
        }

        var archive = (await VerifyAsync(database)).Single(c => c.Chain == EvidenceChains.Archive);
        Assert.StartsWith("archive: TAMPERED at #1 (signature mismatch)", archive.Line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingTheNewestArchivedReport_IsDetected_ByTheAnchor()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        await ArchiveTwoAsync(database);

        await EvidenceForgery.DeleteNewestAsync(database.Storage.DatabasePath, "ArchivedReports", EvidenceChains.Archive, 1);

        var archive = (await VerifyAsync(database)).Single(c => c.Chain == EvidenceChains.Archive);
        // What is left is a valid, shorter chain: only the anchor knows it was longer.
        Assert.All(archive.Checks, c => Assert.Equal(IntegrityState.Intact, c.State));
        Assert.Equal("archive: TAMPERED — head #1 is behind anchor #2 (newest entries deleted)", archive.Line);
    }

    [Fact]
    public async Task DeletingTheNewestAuditEntries_IsDetected_ByTheAnchor()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        await ArchiveTwoAsync(database);
        var before = (await VerifyAsync(database)).Single(c => c.Chain == EvidenceChains.Audit);

        await EvidenceForgery.DeleteNewestAsync(database.Storage.DatabasePath, "AuditEntries", EvidenceChains.Audit, 3);

        var audit = (await VerifyAsync(database)).Single(c => c.Chain == EvidenceChains.Audit);
        Assert.Equal($"audit: TAMPERED — head #{before.Head.Sequence - 3} is behind anchor #{before.Head.Sequence} (newest entries deleted)", audit.Line);
    }

    [Fact]
    public async Task EditedAuditEntry_IsTamperedAtItsPosition()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        await ArchiveTwoAsync(database);

        await EvidenceForgery.ExecuteAsync(database.Storage.DatabasePath,
            "DROP TRIGGER AuditEntries_NoUpdate; UPDATE AuditEntries SET ActorId = 'someone-else' WHERE Id = 5;");

        var audit = (await VerifyAsync(database)).Single(c => c.Chain == EvidenceChains.Audit);
        Assert.Equal("audit: TAMPERED at #5 (signature mismatch)", audit.Line);
    }

    [Fact]
    public async Task ForgedAnchorLine_IsIgnoredAndCounted()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        await ArchiveTwoAsync(database);
        await File.AppendAllTextAsync(database.Anchors.Path, "v1|archive|1|" + new string('a', 64) + "|2026-03-02T01:00:00.0000000Z|seal|" + new string('b', 64) + "\n");

        var content = database.Anchors.Read();

        Assert.Equal(1, content.InvalidLines);
        Assert.Equal(2, content.Latest[EvidenceChains.Archive].Head.Sequence);
    }

    [Fact]
    public async Task LegacyRows_AreAdoptedOnce_OnlyAsFarAsTheOldChainVerifies()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        await ArchiveTwoAsync(database);
        // A database from before the keyed chain: no seals, no anchors; and record #2 was edited back then.
        await EvidenceForgery.ExecuteAsync(database.Storage.DatabasePath,
            "DROP TRIGGER EvidenceSeals_NoDelete; DELETE FROM EvidenceSeals; DROP TRIGGER ArchivedReports_NoUpdate; " +
            "UPDATE ArchivedReports SET LetterNumber = 'forged' WHERE Id = 2;");
        File.Delete(database.Anchors.Path);

        await using (var db = database.NewContext())
        {
            var adopted = await EvidenceAdoption.AdoptAsync(db, database.Key, database.Anchors.Read(), database.Time.GetUtcNow().UtcDateTime, default);
            Assert.Equal(1, adopted.Single(h => h.Chain == EvidenceChains.Archive).Sequence);
            Assert.True(adopted.Single(h => h.Chain == EvidenceChains.Audit).Sequence > 10);
            database.Anchors.Append(adopted, database.Time.GetUtcNow().UtcDateTime, "adopt");
            // A second start adopts nothing more.
            Assert.Empty(await EvidenceAdoption.AdoptAsync(db, database.Key, database.Anchors.Read(), database.Time.GetUtcNow().UtcDateTime, default));
        }

        var chains = await VerifyAsync(database);
        Assert.Equal("archive: TAMPERED at #2 (no signature)", chains.Single(c => c.Chain == EvidenceChains.Archive).Line);
        Assert.True(chains.Single(c => c.Chain == EvidenceChains.Audit).IsIntact);
    }

    [Fact]
    public async Task NewAuditEntries_ContinueTheChain_AfterAdoption()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.LetterIssued);
        await EvidenceForgery.ExecuteAsync(database.Storage.DatabasePath, "DROP TRIGGER EvidenceSeals_NoDelete; DELETE FROM EvidenceSeals;");
        File.Delete(database.Anchors.Path);
        await using (var db = database.NewContext())
        {
            await EvidenceAdoption.AdoptAsync(db, database.Key, database.Anchors.Read(), database.Time.GetUtcNow().UtcDateTime, default);
        }

        await flow.CreatePlanAsync();

        Assert.All(await VerifyAsync(database), c => Assert.True(c.IsIntact, c.Line));
    }

    internal static async Task<(ArchivedReport First, ArchivedReport Second)> ArchiveTwoAsync(TestDatabase database)
    {
        var one = new SopFlow(database);
        await one.ToAsync(SopState.Approved);
        var first = await one.ArchiveAsync();
        var two = new SopFlow(database);
        await two.ToAsync(SopState.Approved);
        var second = await two.ArchiveAsync();
        return (first, second);
    }

    private static async Task<IReadOnlyList<ChainVerification>> VerifyAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await new EvidenceVerifier(db, database.Key).VerifyAllAsync(database.Anchors.Read());
    }
}
