using DataCenterOps.Domain.Persistence;

namespace DataCenterOps.Domain.Evidence;

/// <summary>The daily digest's part in the Domain: verify every chain and anchor each head in the anchor log.</summary>
public sealed class EvidenceDigest(DataCenterOpsDbContext db, EvidenceServices evidence, TimeProvider time)
{
    public async Task<IReadOnlyList<ChainVerification>> VerifyAndAnchorAsync(string source, CancellationToken cancellationToken = default)
    {
        var chains = await evidence.VerifyAsync(db, cancellationToken);
        evidence.Anchors.Append(chains.Select(c => c.Head), time.GetUtcNow().UtcDateTime, source);
        return chains;
    }
}
