using DataCenterOps.Domain.Scheduling;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>
/// Sends each notification once. The row with its unique dedupe key is written first; a sender claims it with a
/// lease (a conditional UPDATE only one caller can win) and marks it sent. A retried or concurrent job finds it
/// sent or claimed and sends nothing; a failed send releases the claim and rethrows so the job is retried.
/// </summary>
public sealed partial class NotificationService(
    NotificationOutbox outbox, IMailSender sender, IOptions<SmtpOptions> smtp, ILogger<NotificationService> logger)
{
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(5);

    /// <summary>Sends to the users' email addresses; true when this call sent it.</summary>
    public async Task<bool> SendOnceToUsersAsync(string dedupeKey, IEnumerable<string> userIds, string subject, string body, CancellationToken cancellationToken) =>
        await SendOnceAsync(dedupeKey, await outbox.EmailsOfAsync(userIds, cancellationToken), subject, body, cancellationToken);

    public async Task<bool> SendOnceToRoleAsync(string dedupeKey, string role, string subject, string body, CancellationToken cancellationToken) =>
        await SendOnceToUsersAsync(dedupeKey, await outbox.UserIdsInRoleAsync(role, cancellationToken), subject, body, cancellationToken);

    public async Task<bool> SendOnceAsync(string dedupeKey, IReadOnlyList<string> to, string subject, string body, CancellationToken cancellationToken)
    {
        var record = await outbox.RecordOnceAsync(dedupeKey, to, subject, body, cancellationToken);
        if (record.SentAtUtc is not null || record.Recipients.Length == 0)
        {
            return false;
        }

        if (!smtp.Value.IsConfigured)
        {
            await outbox.NoteErrorAsync(record.Id, "Smtp:Host is not configured; not sent.", cancellationToken);
            LogNotConfigured(dedupeKey);
            return false;
        }

        if (await outbox.TryClaimAsync(record.Id, s_lease, cancellationToken) is not { } token)
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
            await outbox.ReleaseAsync(record.Id, token, ex.Message);
            LogSendFailed(ex, dedupeKey);
            throw;
        }

        await outbox.MarkSentAsync(record.Id, token);
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
