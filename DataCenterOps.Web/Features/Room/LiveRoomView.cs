using DataCenterOps.Domain.Workflow;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// One component's window on the shared live room (<see cref="LiveRoomViewFactory"/>): its render callback runs
/// when a device it watches changed, at most once per <see cref="MinInterval"/> (the factory coalesces for every
/// view at once). Dispose to stop.
/// </summary>
public sealed class LiveRoomView : IDisposable
{
    private readonly LiveRoomViewFactory _room;
    private readonly Func<Task> _render;
    private readonly long _criticalAtStart;
    private long _renders;
    private int _disposed;

    internal LiveRoomView(LiveRoomViewFactory room, TimeSpan minInterval, string? deviceId, Func<Task> render)
    {
        _room = room;
        // Created in the component's circuit; the factory's timer and the poller call it from their own threads.
        _render = SubscriberContext.Bind(render);
        MinInterval = minInterval;
        DeviceId = deviceId;
        _criticalAtStart = room.CriticalRaisedTotal;
    }

    public TimeSpan MinInterval { get; }

    /// <summary>The one device watched; null for the whole room.</summary>
    public string? DeviceId { get; }

    /// <summary>The room now, shared with every other view.</summary>
    public RoomSnapshot Room => _room.Current;

    /// <summary>How many critical alarms were raised (or escalated to critical) since this view started.</summary>
    public long CriticalRaised => _room.CriticalRaisedTotal - _criticalAtStart;

    /// <summary>Renders issued so far (for diagnostics and tests).</summary>
    public long Renders => Interlocked.Read(ref _renders);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _room.Unregister(this);
        }
    }

    internal void Render()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        Interlocked.Increment(ref _renders);
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
