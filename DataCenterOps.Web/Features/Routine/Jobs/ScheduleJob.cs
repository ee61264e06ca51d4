using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Web.Features.Routine.Sla;
using Hangfire;

namespace DataCenterOps.Web.Features.Routine.Jobs;

/// <summary>
/// Fires at the start of each period of one schedule (a meter schedule every hour, battery health monthly): creates its
/// due checks, plans them, raises the unassigned.
/// </summary>
[AutomaticRetry(Attempts = 5, DelaysInSeconds = new[] { 2, 30, 120, 600, 1800 })]
public sealed partial class ScheduleJob(DueCheckPlanner planner, MeterDueChecks meters, UnassignedNotifier unassigned, ILogger<ScheduleJob> logger)
{
    public async Task RunAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        // Each returns nothing for the other's schedules: calendar ones by the planner, meter and battery ones by the meters.
        var calendar = await planner.RunScheduleAsync(scheduleId, cancellationToken);
        var metered = await meters.RunAsync(scheduleId, cancellationToken);
        var result = new PlanningResult(calendar.Created + metered.Created, calendar.Planned + metered.Planned, [.. calendar.Unassigned, .. metered.Unassigned]);
        LogRun(scheduleId, result.Created, result.Planned, result.Unassigned.Count);
        await unassigned.RaiseAsync(result.Unassigned, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {ScheduleId}: {Created} due check(s) created, {Planned} planned, {Unassigned} unassigned.")]
    private partial void LogRun(Guid scheduleId, int created, int planned, int unassigned);
}
