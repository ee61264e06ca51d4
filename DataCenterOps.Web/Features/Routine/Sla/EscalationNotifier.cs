using System.Text;
using DataCenterOps.Domain.People;
using DataCenterOps.Web.Features.Routine.Notifications;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Sla;

/// <summary>
/// Level 1: the responsible people, as soon as an item is late. Level 2: every Supervisor, once it has stayed late
/// for Routine:EscalateAfter (or at once when nobody is responsible). One email per item and level.
/// </summary>
public sealed class EscalationNotifier(NotificationService notifications, TimeProvider time, IOptions<RoutineOptions> options)
{
    public async Task<int> NotifyAsync(IReadOnlyList<OverdueItem> items, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sent = 0;
        List<Exception>? failures = null;
        foreach (var item in items)
        {
            try
            {
                var escalate = item.ResponsibleUserIds.Count == 0 || now - item.DueAtUtc >= options.Value.EscalateAfter;
                if (item.ResponsibleUserIds.Count > 0
                    && await notifications.SendOnceToUsersAsync($"{item.Key}:L1", item.ResponsibleUserIds, $"[DataCenterOps] {item.Title}", Body(item, 1), cancellationToken))
                {
                    sent++;
                }

                if (escalate
                    && await notifications.SendOnceToRoleAsync($"{item.Key}:L2", Roles.Supervisor, $"[DataCenterOps] Escalated: {item.Title}", Body(item, 2), cancellationToken))
                {
                    sent++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep going so one bad address does not hold back the rest; the job fails at the end and is retried.
                (failures ??= []).Add(ex);
            }
        }

        return failures is null ? sent : throw new AggregateException("Some notifications could not be sent.", failures);
    }

    private string Body(OverdueItem item, int level)
    {
        var text = new StringBuilder()
            .AppendLine(item.Title)
            .AppendLine()
            .AppendLine(item.Detail)
            .AppendLine(level == 1
                ? "You are named as responsible. Please complete it or record why it cannot be done."
                : $"It has been late for more than {options.Value.EscalateAfter} (or has no one responsible); escalated to the Pengawas.");
        if (!string.IsNullOrWhiteSpace(options.Value.AppBaseUrl))
        {
            text.AppendLine().AppendLine(options.Value.AppBaseUrl);
        }

        return text.ToString();
    }
}
