using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Web.Features.Room;

/// <summary>Creates <see cref="LiveRoomView"/>s; the component that asks owns (and disposes) the view.</summary>
public sealed class LiveRoomViewFactory(LiveStateStore liveState, AlarmService alarms, TimeProvider time)
{
    /// <summary>At most four renders a second per view.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>A view of every device.</summary>
    public LiveRoomView Create(Func<Task> render) => new(liveState, alarms, time, DefaultInterval, _ => true, render);

    /// <summary>A view of the devices one site shows (<paramref name="shows"/> tells by device id).</summary>
    public LiveRoomView CreateForSite(Func<string, bool> shows, Func<Task> render) =>
        new(liveState, alarms, time, DefaultInterval, shows, render);

    /// <summary>A view of one device.</summary>
    public LiveRoomView CreateFor(string deviceId, Func<Task> render) =>
        new(liveState, alarms, time, DefaultInterval, id => id == deviceId, render);
}
