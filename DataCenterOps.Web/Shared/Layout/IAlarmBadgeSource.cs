using DataCenterOps.Web.Shared.Sites;

namespace DataCenterOps.Web.Shared.Layout;

/// <summary>
/// What the layout's alarm badge (menu and top bar) counts. The layout owns this contract; the room feature
/// implements it over the alarm service and registers it in <c>AddRoomDashboard()</c>.
/// </summary>
public interface IAlarmBadgeSource
{
    /// <summary>The alarms nobody has acknowledged yet at the site the screen is for.</summary>
    AlarmBadgeCount CountAt(SiteContext sites);

    /// <summary>Calls <paramref name="changed"/> on every alarm change (raised, acknowledged, cleared) until disposed.</summary>
    IDisposable Subscribe(Action changed);
}
