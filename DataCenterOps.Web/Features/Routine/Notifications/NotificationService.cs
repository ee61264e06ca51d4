using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>
/// Sends each notification once. The row with its unique dedupe key is written first; a sender claims it with a
/// lease (a conditional UPDATE only one caller can win) and marks it sent. A retried or concurrent job finds it
/// sent or claimed and sends nothing; a failed send releases the claim and rethrows so the job is retried.
/// </summary>
public sealed partial class NotificationService(
    DataCenterOpsDbContext db, IMailSender sender, IOptions<SmtpOptions> smtp, TimeProvider time, ILogger<NotificationService> logger)
{
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(5);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Sends to the users' email addresses; true when this call sent it.</summary>
    public async Task<bool> SendOnceToUsersAsync(string dedupeKey, IEnumerable<string> userIds, string subject, string body, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        var emails = await db.Users.Where(u => ids.Contains(u.Id) && u.Email != null)
            .Select(u => u.Email!).OrderBy(e => e).ToListAsync(cancellationToken);
        return await SendOnceAsync(dedupeKey, emails, subject, body, cancellationToken);
    }

    public async Task<bool> SendOnceToRoleAsync(string dedupeKey, string role, string subject, string body, CancellationToken cancellationToken)
    {
        var users = await Actors.InRoleAsync(db, role, cancellationToken);
        return await SendOnceToUsersAsync(dedupeKey, users.Select(u => u.Id), subject, body, cancellationToken);
    }

    public async Task<bool> SendOnceAsync(string dedupeKey, IReadOnlyList<string> to, string subject, string body, CancellationToken cancellationToken)
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

        var record = await records.AsNoTracking().FirstAsync(n => n.DedupeKey == dedupeKey, cancellationToken);
        if (record.SentAtUtc is not null || record.Recipients.Length == 0)
        {
            return false;
        }

        if (!smtp.Value.IsConfigured)
        {
            await records.Where(n => n.Id == record.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LastError, "Smtp:Host is not configured; not sent."), cancellationToken);
            LogNotConfigured(dedupeKey);
            return false;
        }

        var token = Guid.NewGuid();
        var now = Now;
        var claimed = await records
            .Where(n => n.Id == record.Id && n.SentAtUtc == null && (n.ClaimedUntilUtc == null || n.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.ClaimToken, token)
                .SetProperty(n => n.ClaimedUntilUtc, now + s_lease)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var recipients = record.Recipients.Split(", ", StringSplitOptions.RemoveEmptyEntries);
        try
        {
            await sender.SendAsync(new OutgoingMail($"{record.Id:N}@datacenterops", recipients, record.Subject, record.Body), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            await records.Where(n => n.Id == record.Id && n.ClaimToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntilUtc, (DateTime?)null).SetProperty(n => n.LastError, error),
                    CancellationToken.None);
            LogSendFailed(ex, dedupeKey);
            throw;
        }

        var sentAt = Now;
        await records.Where(n => n.Id == record.Id && n.ClaimToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.SentAtUtc, sentAt)
                .SetProperty(n => n.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(n => n.LastError, (string?)null), CancellationToken.None);
        LogSent(dedupeKey, recipients.Length);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Key} sent to {Count} recipient(s).")]
    private partial void LogSent(string key, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Key} could not be sent; the job will retry.")]
    private partial void LogSendFailed(Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Key} not sent: Smtp:Host is not configured.")]
    private partial void LogNotConfigured(string key);
}
