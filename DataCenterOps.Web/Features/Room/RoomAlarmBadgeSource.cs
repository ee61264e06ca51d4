using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Shared.Layout;
using DataCenterOps.Web.Shared.Sites;

namespace DataCenterOps.Web.Features.Room;

/// <summary>The layout's alarm badge over the alarm service: the site's active alarms nobody has acknowledged.</summary>
internal sealed class RoomAlarmBadgeSource(AlarmService alarms, LiveStateStore liveState) : IAlarmBadgeSource
{
    public AlarmBadgeCount CountAt(SiteContext sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var unacked = alarms.GetActive().Where(a => !a.IsAcknowledged && sites.AtCurrentSite(liveState, a.DeviceId)).ToList();
        return new AlarmBadgeCount(unacked.Count, unacked.Exists(a => a.Severity == AlarmSeverity.Critical));
    }

    public IDisposable Subscribe(Action changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return alarms.Subscribe(_ => changed());
    }
}
