using DataCenterOps.Domain.Access;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Access;

/// <summary>Feeds posted door events to the <see cref="DoorCorrelationService"/> and runs its checks every Access:EvaluationInterval.</summary>
internal sealed partial class DoorCorrelationWorker(
    DoorCorrelationService correlation,
    TimeProvider time,
    IOptions<AccessOptions> options,
    ILogger<DoorCorrelationWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ConsumeAsync(stoppingToken), TickAsync(stoppingToken));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var doorEvent in correlation.ReadPostedAsync(stoppingToken))
            {
                await correlation.HandleAsync(doorEvent, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EvaluationInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await correlation.EvaluateAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One failed check (database busy) must not stop the cross-check for good.
                    LogEvaluationFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The door cross-check failed; it runs again at the next interval.")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception);
}
