using DataCenterOps.Monitoring.LiveState;
using Microsoft.Extensions.Hosting;

namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// Evaluates the alarm rules after every poll of a device (on that device's poll loop) and runs the alarm writer.
/// Open alarms from the previous run are loaded before polling starts.
/// </summary>
internal sealed class AlarmMonitor(LiveStateStore liveState, AlarmEvaluator evaluator, AlarmService alarms, TimeProvider time) : BackgroundService
{
    private IDisposable? _subscription;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await alarms.LoadAsync(cancellationToken).ConfigureAwait(false);
        _subscription = liveState.Subscribe(OnLiveStateChange);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => alarms.RunWriterAsync(stoppingToken);

    private void OnLiveStateChange(LiveStateChange change)
    {
        if (change.IsReplica)
        {
            return; // the node that polled it evaluates it; its alarms reach this node through the shared store
        }

        var conditions = new List<AlarmCondition>();
        var complete = evaluator.Evaluate(change.Device, time.GetUtcNow(), conditions);
        alarms.Apply(change.Device.DeviceId, conditions, complete);
    }
}
