using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>
/// The routine's outgoing mail, each message once: a row with its unique dedupe key is written before anything is sent;
/// a sender claims it with a lease (a conditional UPDATE only one caller can win) and marks it sent, or releases the
/// claim with the error. Sending itself (SMTP) is the Web's.
/// </summary>
public sealed class NotificationOutbox(DataCenterOpsDbContext db, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The e-mail addresses of these users (those that have one), in order.</summary>
    public async Task<IReadOnlyList<string>> EmailsOfAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        return await db.Users.Where(u => ids.Contains(u.Id) && u.Email != null)
            .Select(u => u.Email!).OrderBy(e => e).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> UserIdsInRoleAsync(string role, CancellationToken cancellationToken = default) =>
        (await Actors.InRoleAsync(db, role, cancellationToken)).Select(u => u.Id).ToList();

    /// <summary>The message under <paramref name="dedupeKey"/>: written now if new, else the one a run before wrote.</summary>
    public async Task<NotificationRecord> RecordOnceAsync(
        string dedupeKey, IReadOnlyList<string> to, string subject, string body, CancellationToken cancellationToken = default)
    {
        var records = db.Set<NotificationRecord>();
        if (!await records.AnyAsync(n => n.DedupeKey == dedupeKey, cancellationToken))
        {
            records.Add(new NotificationRecord
            {
                DedupeKey = dedupeKey,
                Recipients = string.Join(", ", to),
                Subject = subject,
                Body = body,
                CreatedAtUtc = Now,
                LastError = to.Count == 0 ? "No recipient with an email address." : null,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A concurrent run wrote the same key first; its row is the one that counts.
                db.ChangeTracker.Clear();
            }
        }

        return await records.AsNoTracking().FirstAsync(n => n.DedupeKey == dedupeKey, cancellationToken);
    }

    public Task NoteErrorAsync(Guid id, string error, CancellationToken cancellationToken = default) =>
        db.Set<NotificationRecord>().Where(n => n.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LastError, error), cancellationToken);

    /// <summary>The claim's token when this caller won the unsent message for <paramref name="lease"/>; null when another holds it.</summary>
    public async Task<Guid?> TryClaimAsync(Guid id, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var token = Guid.NewGuid();
        var now = Now;
        var claimed = await db.Set<NotificationRecord>()
            .Where(n => n.Id == id && n.SentAtUtc == null && (n.ClaimedUntilUtc == null || n.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.ClaimToken, token)
                .SetProperty(n => n.ClaimedUntilUtc, now + lease)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
        return claimed == 0 ? null : token;
    }

    /// <summary>Gives a failed send back (with the error, at most 2,000 characters) so the next run tries again.</summary>
    public Task ReleaseAsync(Guid id, Guid token, string error)
    {
        var kept = error.Length > 2000 ? error[..2000] : error;
        return db.Set<NotificationRecord>().Where(n => n.Id == id && n.ClaimToken == token)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntilUtc, (DateTime?)null).SetProperty(n => n.LastError, kept),
                CancellationToken.None);
    }

    public Task MarkSentAsync(Guid id, Guid token)
    {
        var sentAt = Now;
        return db.Set<NotificationRecord>().Where(n => n.Id == id && n.ClaimToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.SentAtUtc, sentAt)
                .SetProperty(n => n.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(n => n.LastError, (string?)null), CancellationToken.None);
    }

    /// <summary>Forgets messages sent before <paramref name="cutoffUtc"/> (they are no evidence); the count deleted.</summary>
    public Task<int> DeleteSentBeforeAsync(DateTime cutoffUtc, CancellationToken cancellationToken = default) =>
        db.Set<NotificationRecord>().Where(n => n.SentAtUtc != null && n.SentAtUtc < cutoffUtc).ExecuteDeleteAsync(cancellationToken);
}
