using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// First start with a key (docs/adr/0004): records written before the keyed chain get seals, once per chain —
/// only while the chain has no seal and no anchor at all. Archived reports are adopted only as far as the old
/// unkeyed SHA-256 chain verifies from #1; everything after the first bad record stays unsealed (and so reads as
/// tampered). Audit entries had no chain; the contiguous run from #1 is adopted as it stands.
/// </summary>
public static class EvidenceAdoption
{
    public static async Task<IReadOnlyList<EvidenceHead>> AdoptAsync(
        DataCenterOpsDbContext db, EvidenceKey key, AnchorLogContent anchors, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var adopted = new List<EvidenceHead>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var chain in EvidenceChains.All)
        {
            if (await db.EvidenceSeals.AnyAsync(s => s.Chain == chain, cancellationToken)
                || anchors.Latest.TryGetValue(chain, out var anchor) && anchor.Head.Sequence > 0)
            {
                continue;
            }

            var records = chain == EvidenceChains.Archive ? await LegacyArchiveAsync(db, cancellationToken) : await LegacyAuditAsync(db, cancellationToken);
            var previous = EvidenceChains.Genesis;
            foreach (var (sequence, canonical) in records)
            {
                var mac = key.Seal(chain, sequence, previous, canonical);
                db.EvidenceSeals.Add(new EvidenceSeal { Chain = chain, Sequence = sequence, Mac = mac, SealedAtUtc = nowUtc, Adopted = true });
                previous = mac;
            }

            if (records.Count > 0)
            {
                adopted.Add(new EvidenceHead(chain, records[^1].Sequence, previous));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return adopted;
    }

    /// <summary>The prefix of the archive that verifies under the old unkeyed chain.</summary>
    private static async Task<List<(long Sequence, string Canonical)>> LegacyArchiveAsync(DataCenterOpsDbContext db, CancellationToken cancellationToken)
    {
        var result = new List<(long Sequence, string Canonical)>();
        var previous = ArchiveHasher.Genesis;
        await foreach (var record in db.ArchivedReports.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (record.Id != result.Count + 1 || record.PreviousHash != previous || ArchiveHasher.Compute(record) != record.Hash)
            {
                break;
            }

            result.Add((record.Id, EvidenceCanonical.Of(record)));
            previous = record.Hash;
        }

        return result;
    }

    private static async Task<List<(long Sequence, string Canonical)>> LegacyAuditAsync(DataCenterOpsDbContext db, CancellationToken cancellationToken)
    {
        var result = new List<(long Sequence, string Canonical)>();
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Id != result.Count + 1)
            {
                break;
            }

            result.Add((entry.Id, EvidenceCanonical.Of(entry)));
        }

        return result;
    }
}
