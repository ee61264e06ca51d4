using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Web.Features.Routine.Sla;
using Hangfire;

namespace DataCenterOps.Web.Features.Routine.Jobs;

/// <summary>Chases what is late: overdue SOP steps and due checks (escalating), and unassigned checks (to the Pengawas).</summary>
[AutomaticRetry(Attempts = 5, DelaysInSeconds = new[] { 2, 30, 120, 600, 1800 })]
public sealed partial class SlaJob(OverdueScanner scanner, EscalationNotifier escalation, DueCheckService dueChecks, UnassignedNotifier unassigned, ILogger<SlaJob> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var overdue = await scanner.ScanAsync(cancellationToken);
        var open = await dueChecks.UnassignedAsync(cancellationToken);
        await unassigned.RaiseAsync(open.Select(c => c.DueCheckId).ToList(), cancellationToken);
        var sent = await escalation.NotifyAsync(overdue, cancellationToken);
        LogRun(overdue.Count, sent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA check: {Overdue} overdue item(s), {Sent} notification(s) sent.")]
    private partial void LogRun(int overdue, int sent);
}
