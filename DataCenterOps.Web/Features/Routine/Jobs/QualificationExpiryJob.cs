using System.Globalization;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Qualifications;
using DataCenterOps.Web.Features.Routine.Notifications;
using Hangfire;

namespace DataCenterOps.Web.Features.Routine.Jobs;

/// <summary>
/// Daily: each qualification record ending within Qualifications:ExpiryNoticeDays is mailed once to its holder and
/// to the Pengelola (a renewed record stops it). Safe to run twice: the notice has a dedupe key and the record is marked.
/// </summary>
[AutomaticRetry(Attempts = 5, DelaysInSeconds = new[] { 30, 120, 600, 1800, 3600 })]
public sealed partial class QualificationExpiryJob(QualificationExpiry expiry, NotificationService notifications, PeopleDirectory people, ILogger<QualificationExpiryJob> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var due = await expiry.DueAsync(cancellationToken);
        var managers = (await people.InRoleAsync(Roles.Manager, cancellationToken)).Select(m => m.Id);
        var sent = 0;
        foreach (var record in due)
        {
            var until = record.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var body = $"""
                The qualification "{record.Kind}" (no. {record.Number}) of {record.PersonName} is valid until {until}.

                A Surat Tugas whose scope needs it cannot name {record.PersonName} after that day. Please renew it and
                have the Pengelola record the new certificate in DataCenterOps (Kualifikasi Pelaksana).
                """;
            if (await notifications.SendOnceToUsersAsync($"qualification:{record.Id:N}:expiry", managers.Append(record.UserId).Distinct(StringComparer.Ordinal),
                    $"[DataCenterOps] Qualification ends {until}: {record.Kind} - {record.PersonName}", body, cancellationToken))
            {
                sent++;
            }

            await expiry.MarkSentAsync(record.Id, cancellationToken);
        }

        LogRun(due.Count, sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Qualification expiry: {Due} record(s) ending soon, {Sent} notice(s) sent.")]
    private partial void LogRun(int due, int sent);
}
