using DataCenterOps.Domain.Scheduling;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Jobs;

/// <summary>At start: adds the shipped schedules that are missing and registers the recurring jobs (when Hangfire is on).</summary>
internal sealed partial class RoutineStartup(IServiceScopeFactory scopes, IOptions<HangfireSettings> hangfire, ILogger<RoutineStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<RoutineQueries>().EnsureShippedSchedulesAsync(cancellationToken) is not { } added)
        {
            // The database initializer migrates first; without it the routine has no tables to read yet.
            LogNotMigrated();
            return;
        }

        if (added > 0)
        {
            LogSeeded(added);
        }

        if (hangfire.Value.Enabled)
        {
            await scope.ServiceProvider.GetRequiredService<RecurringJobRegistrar>().SyncAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database has pending migrations; routine schedules and recurring jobs were not set up. Run the database initializer before the host starts.")]
    private partial void LogNotMigrated();

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Count} shipped maintenance schedule(s).")]
    private partial void LogSeeded(int count);
}
