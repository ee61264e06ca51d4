using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Evidence;

/// <summary>The key, the anchor file and the heads, for the app's services (archive screen, backups, digest, PDFs).</summary>
public sealed class EvidenceServices(EvidenceKey key, EvidenceAnchorLog anchors, TimeProvider time)
{
    public EvidenceKey Key => key;
    public EvidenceAnchorLog Anchors => anchors;

    public static EvidenceAnchorLog AnchorLog(IOptions<EvidenceOptions> options, IOptions<StorageOptions> storage, EvidenceKey key) =>
        new(options.Value.AnchorFilePath(storage.Value), key);

    /// <summary>Every chain verified against the key and the newest local anchors.</summary>
    public Task<IReadOnlyList<ChainVerification>> VerifyAsync(DataCenterOpsDbContext db, CancellationToken cancellationToken = default) =>
        new EvidenceVerifier(db, key).VerifyAllAsync(anchors.Read(), cancellationToken);

    /// <summary>The current head of every chain (as stored: the newest seal).</summary>
    public async Task<IReadOnlyList<EvidenceHead>> HeadsAsync(DataCenterOpsDbContext db, CancellationToken cancellationToken = default)
    {
        var heads = new List<EvidenceHead>();
        foreach (var chain in EvidenceChains.All)
        {
            heads.Add(await EvidenceSealingInterceptor.TipAsync(db, chain, cancellationToken));
        }

        return heads;
    }

    /// <summary>Writes the current heads to the anchor file (source: start, backup, digest) and returns them.</summary>
    public async Task<IReadOnlyList<EvidenceHead>> AnchorAsync(DataCenterOpsDbContext db, string source, CancellationToken cancellationToken = default)
    {
        var heads = await HeadsAsync(db, cancellationToken);
        anchors.Append(heads, time.GetUtcNow().UtcDateTime, source);
        return heads;
    }

    /// <summary>At start: seal legacy records once (see <see cref="EvidenceAdoption"/>), then anchor the heads.</summary>
    public async Task<IReadOnlyList<EvidenceHead>> StartAsync(DataCenterOpsDbContext db, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var adopted = await EvidenceAdoption.AdoptAsync(db, key, anchors.Read(), now, cancellationToken);
        anchors.Append(adopted, now, "adopt");
        return await AnchorAsync(db, "start", cancellationToken);
    }
}
