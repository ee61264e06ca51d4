using DataCenterOps.Domain.Scheduling;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Jobs;

/// <summary>Deletes sent notifications older than Retention:AuditDays. Evidence (audit trail, archive) is never touched.</summary>
public sealed partial class RetentionJob(NotificationOutbox outbox, TimeProvider time, IOptions<RetentionOptions> options, IOptions<RoutineOptions> routine, ILogger<RetentionJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AuditDays == 0)
        {
            return 0;
        }

        // Never forget a notification while its item can still be chased, or it would be sent again.
        var days = Math.Max(options.Value.AuditDays, routine.Value.OverdueLookBackDays * 2);
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-days);
        var deleted = await outbox.DeleteSentBeforeAsync(cutoff, cancellationToken);
        LogDeleted(deleted, cutoff);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} sent notification(s) before {Cutoff:u} deleted.")]
    private partial void LogDeleted(int count, DateTime cutoff);
}
