using System.Runtime.CompilerServices;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// Seals every new archived report and audit entry in the same transaction that writes it. The transaction is
/// begun first (SQLite: BEGIN IMMEDIATE, the write lock; PostgreSQL: a transaction-scoped advisory lock that every
/// node takes), so reading the chain's tip and appending to it cannot race another writer, in this process or another. After the commit the new heads are appended to the anchor file.
/// </summary>
public sealed class EvidenceSealingInterceptor(EvidenceKey key, EvidenceAnchorLog? anchors, TimeProvider time) : SaveChangesInterceptor
{
    /// <summary>Takes the advisory lock of the evidence chains on PostgreSQL (key: "dcopsevd" as a 64-bit number).</summary>
    private const string PostgreSqlChainLock = "SELECT pg_advisory_xact_lock(7233747955250198116)";

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SealAsync(eventData.Context, CancellationToken.None).ConfigureAwait(false).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await SealAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CompleteAsync(eventData.Context, commit: true, CancellationToken.None).ConfigureAwait(false).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await CompleteAsync(eventData.Context, commit: true, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        CompleteAsync(eventData.Context, commit: false, CancellationToken.None).ConfigureAwait(false).GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await CompleteAsync(eventData.Context, commit: false, CancellationToken.None).ConfigureAwait(false);

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        CompleteAsync(eventData.Context, commit: false, CancellationToken.None).ConfigureAwait(false).GetAwaiter().GetResult();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await CompleteAsync(eventData.Context, commit: false, CancellationToken.None).ConfigureAwait(false);

    private async Task SealAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not DataCenterOpsDbContext db)
        {
            return;
        }

        var archived = db.ChangeTracker.Entries<ArchivedReport>().Where(e => e.State == EntityState.Added).ToList();
        var audited = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList();
        if (archived.Count == 0 && audited.Count == 0)
        {
            return;
        }

        IDbContextTransaction? owned = null;
        if (db.Database.CurrentTransaction is null)
        {
            owned = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (db.Database.IsNpgsql())
            {
                // Held until commit or rollback; other nodes' sealing waits here, not at a duplicate key.
                await db.Database.ExecuteSqlRawAsync(PostgreSqlChainLock, cancellationToken).ConfigureAwait(false);
            }

            var heads = new List<EvidenceHead>();
            var now = time.GetUtcNow().UtcDateTime;
            if (archived.Count > 0)
            {
                heads.Add(await SealArchiveAsync(db, archived, now, cancellationToken).ConfigureAwait(false));
            }

            if (audited.Count > 0)
            {
                heads.Add(await SealAuditAsync(db, audited, now, cancellationToken).ConfigureAwait(false));
            }

            _pending.AddOrUpdate(db, new Pending(owned, heads));
        }
        catch
        {
            if (owned is not null)
            {
                await owned.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                await owned.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    private async Task<EvidenceHead> SealArchiveAsync(DataCenterOpsDbContext db, List<EntityEntry<ArchivedReport>> added, DateTime now, CancellationToken cancellationToken)
    {
        var tip = await TipAsync(db, EvidenceChains.Archive, cancellationToken).ConfigureAwait(false);
        foreach (var record in added.Select(e => e.Entity).OrderBy(r => r.Id))
        {
            // The archive chooses its own position (tip + 1); a stale one meets the unique PreviousHash index.
            if (record.Id <= tip.Sequence)
            {
                throw new DbUpdateConcurrencyException($"Archive position #{record.Id} is already sealed; another record was archived a moment ago.");
            }

            tip = Add(db, EvidenceChains.Archive, record.Id, tip.Mac, EvidenceCanonical.Of(record), now);
        }

        return tip;
    }

    private async Task<EvidenceHead> SealAuditAsync(DataCenterOpsDbContext db, List<EntityEntry<AuditEntry>> added, DateTime now, CancellationToken cancellationToken)
    {
        var tip = await TipAsync(db, EvidenceChains.Audit, cancellationToken).ConfigureAwait(false);
        var highest = await db.AuditEntries.AsNoTracking().MaxAsync(a => (long?)a.Id, cancellationToken).ConfigureAwait(false) ?? 0;
        var next = Math.Max(tip.Sequence, highest);
        foreach (var entry in added)
        {
            next++;
            // The position is the id: chosen here, under the write lock, so it is known before the insert.
            var id = entry.Property(a => a.Id);
            id.CurrentValue = next;
            id.IsTemporary = false;
            tip = Add(db, EvidenceChains.Audit, next, tip.Mac, EvidenceCanonical.Of(entry.Entity), now);
        }

        return tip;
    }

    private EvidenceHead Add(DataCenterOpsDbContext db, string chain, long sequence, string previous, string canonical, DateTime now)
    {
        var mac = key.Seal(chain, sequence, previous, canonical);
        db.EvidenceSeals.Add(new EvidenceSeal { Chain = chain, Sequence = sequence, Mac = mac, SealedAtUtc = now });
        return new EvidenceHead(chain, sequence, mac);
    }

    internal static async Task<EvidenceHead> TipAsync(DataCenterOpsDbContext db, string chain, CancellationToken cancellationToken)
    {
        var tip = await db.EvidenceSeals.AsNoTracking().Where(s => s.Chain == chain).OrderByDescending(s => s.Sequence)
            .Select(s => new { s.Sequence, s.Mac }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return tip is null ? EvidenceHead.Empty(chain) : new EvidenceHead(chain, tip.Sequence, tip.Mac);
    }

    private async Task CompleteAsync(DbContext? context, bool commit, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        if (pending.Transaction is not { } transaction)
        {
            // The caller's own transaction: it may still roll back, so nothing is anchored for it.
            return;
        }

        try
        {
            if (!commit)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                return;
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            anchors?.Append(pending.Heads, time.GetUtcNow().UtcDateTime, "seal");
        }
        catch (IOException)
        {
            // The evidence is committed and sealed; the next start, backup or digest anchors it again.
        }
    }

    private sealed record Pending(IDbContextTransaction? Transaction, List<EvidenceHead> Heads);
}
