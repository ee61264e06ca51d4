using System.Collections.Immutable;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// The one live room every screen reads. It alone subscribes to live state and alarms, coalesces their changes
/// (at most one round per <see cref="DefaultInterval"/>, the first change of a quiet period at once) and then tells
/// the <see cref="LiveRoomView"/>s that watch a changed device to render. The room itself is one shared
/// <see cref="RoomSnapshot"/>, built at most once per change however many circuits read it. Creating a view costs a
/// registration, not a subscription, a timer or a query.
/// </summary>
public sealed class LiveRoomViewFactory : IDisposable
{
    /// <summary>At most four renders a second per view.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly LiveStateStore _liveState;
    private readonly AlarmService _alarms;
    private readonly TimeProvider _time;
    private readonly IDisposable _liveSubscription;
    private readonly IDisposable _alarmSubscription;
    private readonly ITimer _timer;
    private ImmutableArray<LiveRoomView> _views = [];
    private HashSet<string> _changed = new(StringComparer.Ordinal);
    private DateTimeOffset _lastRound = DateTimeOffset.MinValue;
    private bool _armed;
    private bool _disposed;
    private long _criticalRaised;
    private long _changes;
    private RoomSnapshot? _snapshot;

    public LiveRoomViewFactory(LiveStateStore liveState, AlarmService alarms, TimeProvider time)
    {
        _liveState = liveState;
        _alarms = alarms;
        _time = time;
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _liveSubscription = liveState.Subscribe(OnLiveChange);
        _alarmSubscription = alarms.Subscribe(OnAlarmChange);
    }

    /// <summary>The room now: built on the first read after a change, then shared by every reader until the next one.</summary>
    public RoomSnapshot Current
    {
        get
        {
            var changes = Interlocked.Read(ref _changes);
            var snapshot = Volatile.Read(ref _snapshot);
            if (snapshot is not null && snapshot.Version == changes)
            {
                return snapshot;
            }

            lock (_gate)
            {
                changes = Interlocked.Read(ref _changes);
                if (_snapshot is null || _snapshot.Version != changes)
                {
                    Volatile.Write(ref _snapshot, new RoomSnapshot(changes, _liveState.GetDevices(), _alarms.GetActive()));
                }

                return _snapshot!;
            }
        }
    }

    /// <summary>Views open now (for diagnostics and tests).</summary>
    public int OpenViews => _views.Length;

    /// <summary>Critical alarms raised (or escalated to critical) since start.</summary>
    internal long CriticalRaisedTotal => Interlocked.Read(ref _criticalRaised);

    /// <summary>A view of every device.</summary>
    public LiveRoomView Create(Func<Task> render) => Register(new LiveRoomView(this, DefaultInterval, null, render));

    /// <summary>A view of one device.</summary>
    public LiveRoomView CreateFor(string deviceId, Func<Task> render) => Register(new LiveRoomView(this, DefaultInterval, deviceId, render));

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

    internal void Unregister(LiveRoomView view) => ImmutableInterlocked.Update(ref _views, (list, v) => list.Remove(v), view);

    private LiveRoomView Register(LiveRoomView view)
    {
        ImmutableInterlocked.Update(ref _views, (list, v) => list.Add(v), view);
        return view;
    }

    private void OnLiveChange(LiveStateChange change)
    {
        if (change.ChangedPoints.Count > 0 || change.StatusChanged || change.Device.Status.ConsecutiveMisses > 0)
        {
            MarkDirty(change.Device.DeviceId);
        }
    }

    private void OnAlarmChange(AlarmChange change)
    {
        if (change.Alarm.Severity == AlarmSeverity.Critical && change.Event.Kind is AlarmEventKind.Raised or AlarmEventKind.SeverityChanged)
        {
            Interlocked.Increment(ref _criticalRaised);
        }

        MarkDirty(change.Alarm.DeviceId);
    }

    private void MarkDirty(string deviceId)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _changes);
            _changed.Add(deviceId);
            if (_armed || _disposed)
            {
                return;
            }

            // First change after a quiet period goes out at once; later ones wait out the interval.
            var due = _lastRound + DefaultInterval - _time.GetUtcNow();
            _armed = true;
            _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer()
    {
        HashSet<string> changed;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _armed = false;
            _lastRound = _time.GetUtcNow();
            changed = _changed;
            _changed = new HashSet<string>(StringComparer.Ordinal);
        }

        foreach (var view in _views)
        {
            if (view.DeviceId is null || changed.Contains(view.DeviceId))
            {
                view.Render();
            }
        }
    }
}
