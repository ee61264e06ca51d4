using DataCenterOps.Domain.Access;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Shared.Sites;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// Which devices (and so which alarms and incidents) a room screen shows: those of the circuit's current site. A
/// source that is no device belongs to the site its name gives: the access register's room and doors of a site are
/// the pseudo-device <c>access</c> (default site) or <c>access:CODE</c> (<see cref="AccessAlarmKeys.RoomSourceOf"/>).
/// </summary>
public static class SiteDevices
{
    /// <summary>Whether the alarm source stands at the current site; an unknown device (removed since) counts as the default site's.</summary>
    public static bool AtCurrentSite(this SiteContext sites, LiveStateStore liveState, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(liveState);
        return sites.Shows(liveState.SiteCodeOf(deviceId));
    }

    /// <summary>
    /// <paramref name="filter"/> narrowed to the current site's incidents: those with an alarm on its devices, or for
    /// the default site all but those whose alarms are all on the other sites' devices.
    /// </summary>
    public static IncidentFilter ForCurrentSite(this SiteContext sites, LiveStateStore liveState, IncidentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (here, elsewhere) = Sources(sites, liveState);
        return sites.Current.IsDefault ? filter with { ExceptDeviceIds = elsewhere } : filter with { DeviceIds = here };
    }

    /// <summary>
    /// <paramref name="filter"/> narrowed to the current site's alarm history (the same rule as the incidents': the
    /// default site keeps all but the other sites' sources, so an alarm of a source it does not know stays there).
    /// </summary>
    public static AlarmHistoryFilter ForCurrentSite(this SiteContext sites, LiveStateStore liveState, AlarmHistoryFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (here, elsewhere) = Sources(sites, liveState);
        return sites.Current.IsDefault ? filter with { ExceptDeviceIds = elsewhere } : filter with { DeviceIds = here };
    }

    /// <summary>Whether the incident belongs to the current site (the same rule as <see cref="ForCurrentSite(SiteContext, LiveStateStore, IncidentFilter)"/>).</summary>
    public static bool AtCurrentSite(this SiteContext sites, LiveStateStore liveState, IncidentDetail incident)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Alarms.Count == 0 ? sites.Current.IsDefault : incident.Alarms.Any(a => sites.AtCurrentSite(liveState, a.DeviceId));
    }

    // The current site's alarm sources and the other sites': devices by their configured site, and each site's
    // access pseudo-device (the default site's, "access", is the default site's anyway).
    private static (List<string> Here, List<string> Elsewhere) Sources(SiteContext sites, LiveStateStore liveState)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(liveState);
        var here = new List<string>();
        var elsewhere = new List<string>();
        foreach (var device in liveState.GetDevices())
        {
            (sites.Shows(device.Site) ? here : elsewhere).Add(device.DeviceId);
        }

        foreach (var site in sites.All)
        {
            (site.Id == sites.Current.Id ? here : elsewhere).Add(AccessAlarmKeys.RoomSourceOf(site));
        }

        return (here, elsewhere);
    }
}
