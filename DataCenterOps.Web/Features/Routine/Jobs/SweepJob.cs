using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Web.Features.Routine.Sla;
using Hangfire;

namespace DataCenterOps.Web.Features.Routine.Jobs;

/// <summary>Hourly catch-up: a period start missed while the app was down, and unassigned checks a new letter now covers.</summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = new[] { 5, 60, 600 })]
public sealed class SweepJob(RoutineQueries routine, DueCheckPlanner planner, UnassignedNotifier unassigned)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var scheduleIds = await routine.EnabledScheduleIdsAsync(cancellationToken);
        var stillUnassigned = new HashSet<Guid>();
        foreach (var id in scheduleIds)
        {
            stillUnassigned.UnionWith((await planner.RunScheduleAsync(id, cancellationToken)).Unassigned);
        }

        stillUnassigned.UnionWith((await planner.RetryUnassignedAsync(cancellationToken)).Unassigned);
        await unassigned.RaiseAsync(stillUnassigned, cancellationToken);
    }
}
