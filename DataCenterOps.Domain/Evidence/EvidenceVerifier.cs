using System.Globalization;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// Verifies the keyed chains: each record's seal must be HMAC(key, chain, sequence, previous seal, record); the
/// positions must have no gaps; no seal may outlive its record; and the head must not be behind the newest anchor.
/// Without the key a forger can recompute SHA-256 hashes but not these seals.
/// </summary>
public sealed class EvidenceVerifier(DataCenterOpsDbContext db, EvidenceKey key)
{
    public async Task<IReadOnlyList<ChainVerification>> VerifyAllAsync(AnchorLogContent? anchors, CancellationToken cancellationToken = default)
    {
        var results = new List<ChainVerification>();
        foreach (var chain in EvidenceChains.All)
        {
            results.Add(await VerifyAsync(chain, anchors?.Latest.GetValueOrDefault(chain), cancellationToken));
        }

        return results;
    }

    public async Task<ChainVerification> VerifyAsync(string chain, EvidenceAnchor? anchor, CancellationToken cancellationToken = default)
    {
        var seals = await db.EvidenceSeals.AsNoTracking().Where(s => s.Chain == chain)
            .ToDictionaryAsync(s => s.Sequence, s => s.Mac, cancellationToken);
        var checks = new List<EntryCheck>();
        var previousSeal = EvidenceChains.Genesis;
        var previousHash = ArchiveHasher.Genesis;
        long previousSequence = 0;
        var count = 0;
        await foreach (var (sequence, canonical, link) in RecordsAsync(chain, cancellationToken))
        {
            count++;
            seals.TryGetValue(sequence, out var mac);
            checks.Add(Check(chain, sequence, canonical, mac, previousSeal, previousSequence, link, previousHash));
            previousSeal = mac ?? previousSeal;
            previousHash = link?.Hash ?? previousHash;
            previousSequence = sequence;
        }

        var head = count == 0 ? EvidenceHead.Empty(chain) : new EvidenceHead(chain, previousSequence, previousSeal);
        var recorded = checks.Select(c => c.Sequence).ToHashSet();
        var orphans = seals.Keys.Where(s => !recorded.Contains(s)).Order()
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"at #{s} (signature without its entry: the entry was deleted)"));
        return new ChainVerification(chain, count, head, anchor, checks, ChainVerification.FirstProblem(checks, orphans, AnchorProblem(head, anchor, seals)));
    }

    private EntryCheck Check(string chain, long sequence, string canonical, string? mac, string previousSeal, long previousSequence,
        (string PreviousHash, string Hash)? link, string previousHash)
    {
        if (sequence != previousSequence + 1)
        {
            return new(sequence, IntegrityState.ChainBroken, string.Create(CultureInfo.InvariantCulture,
                $"entries #{previousSequence + 1}–#{sequence - 1} before it are missing"));
        }

        if (mac is null)
        {
            return new(sequence, IntegrityState.Tampered, "no signature");
        }

        if (!EvidenceKey.SameMac(mac, key.Seal(chain, sequence, previousSeal, canonical)))
        {
            return new(sequence, IntegrityState.Tampered, "signature mismatch");
        }

        return link is { } l && l.PreviousHash != previousHash
            ? new(sequence, IntegrityState.ChainBroken, "the link to the previous archived record is wrong")
            : new(sequence, IntegrityState.Intact, "intact");
    }

    private static string? AnchorProblem(EvidenceHead head, EvidenceAnchor? anchor, IReadOnlyDictionary<long, string> seals)
    {
        if (anchor is null || anchor.Head.Sequence == 0)
        {
            return null;
        }

        if (head.Sequence < anchor.Head.Sequence)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"— head #{head.Sequence} is behind anchor #{anchor.Head.Sequence} (newest entries deleted)");
        }

        return seals.TryGetValue(anchor.Head.Sequence, out var mac) && EvidenceKey.SameMac(mac, anchor.Head.Mac)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"at #{anchor.Head.Sequence} (does not match its anchor of {anchor.AtUtc:yyyy-MM-dd HH:mm} UTC)");
    }

    private async IAsyncEnumerable<(long Sequence, string Canonical, (string PreviousHash, string Hash)? Link)> RecordsAsync(
        string chain, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (chain == EvidenceChains.Archive)
        {
            await foreach (var r in db.ArchivedReports.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                yield return (r.Id, EvidenceCanonical.Of(r), (r.PreviousHash, r.Hash));
            }
        }
        else if (chain == EvidenceChains.Audit)
        {
            await foreach (var a in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                yield return (a.Id, EvidenceCanonical.Of(a), null);
            }
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(chain), chain, "Unknown evidence chain.");
        }
    }
}
