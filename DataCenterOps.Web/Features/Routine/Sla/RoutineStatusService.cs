using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Domain.Sla;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Sla;

/// <summary>Reads the routine's state for the tile and the pages, in a short-lived scope of its own.</summary>
public sealed class RoutineStatusService(IServiceScopeFactory scopes, TimeProvider time, IOptions<RoutineOptions> options)
{
    public async Task<RoutineStatus> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var steps = await services.GetRequiredService<SopBoardService>().OpenStepsAsync(cancellationToken);
        var dueChecks = services.GetRequiredService<DueCheckService>();
        var overdue = await dueChecks.OverdueAsync(options.Value.OverdueLookBackDays, cancellationToken);
        var unassigned = await dueChecks.UnassignedAsync(cancellationToken);
        var unsent = await services.GetRequiredService<NotificationQueries>().FailedUnsentCountAsync(cancellationToken);
        return new RoutineStatus(steps.Where(s => s.IsOverdue).ToList(), overdue, unassigned, unsent, time.GetUtcNow().UtcDateTime);
    }
}
