using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// One component's window on live state and alarms. Changes are coalesced: the render callback runs at most once
/// per <see cref="MinInterval"/>, after the first change of a quiet period, so a poller applying hundreds of
/// points a second costs a few renders per circuit. Time comes from the <see cref="TimeProvider"/> so tests can
/// drive it. Dispose to unsubscribe.
/// </summary>
public sealed class LiveRoomView : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Func<Task> _render;
    private readonly Func<string, bool> _watches;
    private readonly IDisposable _liveSubscription;
    private readonly IDisposable _alarmSubscription;
    private readonly ITimer _timer;
    private DateTimeOffset _lastRender = DateTimeOffset.MinValue;
    private bool _armed;
    private bool _disposed;
    private long _criticalRaised;

    internal LiveRoomView(LiveStateStore liveState, AlarmService alarms, TimeProvider time, TimeSpan minInterval, Func<string, bool> watches, Func<Task> render)
    {
        _time = time;
        _render = render;
        _watches = watches;
        MinInterval = minInterval;
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _liveSubscription = liveState.Subscribe(OnLiveChange);
        _alarmSubscription = alarms.Subscribe(OnAlarmChange);
    }

    public TimeSpan MinInterval { get; }

    /// <summary>How many critical alarms were raised (or escalated to critical) since this view started.</summary>
    public long CriticalRaised => Interlocked.Read(ref _criticalRaised);

    /// <summary>Renders issued so far (for diagnostics and tests).</summary>
    public long Renders { get; private set; }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _liveSubscription.Dispose();
        _alarmSubscription.Dispose();
        _timer.Dispose();
    }

    private void OnLiveChange(LiveStateChange change)
    {
        if (_watches(change.Device.DeviceId) && (change.ChangedPoints.Count > 0 || change.StatusChanged || change.Device.Status.ConsecutiveMisses > 0))
        {
            MarkDirty();
        }
    }

    private void OnAlarmChange(AlarmChange change)
    {
        if (!_watches(change.Alarm.DeviceId))
        {
            return;
        }

        if (change.Alarm.Severity == AlarmSeverity.Critical && change.Event.Kind is AlarmEventKind.Raised or AlarmEventKind.SeverityChanged)
        {
            Interlocked.Increment(ref _criticalRaised);
        }

        MarkDirty();
    }

    private void MarkDirty()
    {
        lock (_gate)
        {
            if (_armed || _disposed)
            {
                return;
            }

            // First change after a quiet period renders at once; later ones wait out the interval.
            var due = _lastRender + MinInterval - _time.GetUtcNow();
            _armed = true;
            _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _armed = false;
            _lastRender = _time.GetUtcNow();
            Renders++;
        }

        _ = RenderAsync();
    }

    private async Task RenderAsync()
    {
        try
        {
            await _render().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the change and the render; nothing to draw on.
        }
    }
}
