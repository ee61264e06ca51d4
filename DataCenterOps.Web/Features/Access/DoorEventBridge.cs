using DataCenterOps.Domain.Access;
using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Web.Features.Access;

/// <summary>Feeds every live change of a room sensor's "door" point to the access register's door cross-check.</summary>
public sealed class DoorEventBridge(LiveStateStore liveState, DoorCorrelationService correlation) : IHostedService
{
    public const string DoorPoint = "door";

    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = liveState.Subscribe(OnChange);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    // Runs on the poller's thread: Post only queues.
    private void OnChange(LiveStateChange change)
    {
        if (change.IsReplica)
        {
            return; // polled on another node, which posts the door event once
        }

        foreach (var point in change.ChangedPoints)
        {
            if (point.Point == DoorPoint && point.IsLive)
            {
                var open = point.Value == 1 || string.Equals(point.Text, "open", StringComparison.OrdinalIgnoreCase);
                correlation.Post(new DoorEvent(point.DeviceId, point.Timestamp.UtcDateTime, open));
            }
        }
    }
}
