using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Shared.Sites;

namespace DataCenterOps.Web.Features.Room;

/// <summary>Which devices (and so which alarms and incidents) a room screen shows: those of the circuit's current site.</summary>
public static class SiteDevices
{
    /// <summary>Whether the device stands at the current site; an unknown device (removed since) counts as the default site's.</summary>
    public static bool AtCurrentSite(this SiteContext sites, LiveStateStore liveState, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(liveState);
        return sites.Shows(liveState.GetDevice(deviceId)?.Site);
    }

    /// <summary>
    /// <paramref name="filter"/> narrowed to the current site's incidents: those with an alarm on its devices, or for
    /// the default site all but those whose alarms are all on the other sites' devices.
    /// </summary>
    public static IncidentFilter ForCurrentSite(this SiteContext sites, LiveStateStore liveState, IncidentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(liveState);
        ArgumentNullException.ThrowIfNull(filter);
        var devices = liveState.GetDevices();
        return sites.Current.IsDefault
            ? filter with { ExceptDeviceIds = [.. devices.Where(d => !sites.Shows(d.Site)).Select(d => d.DeviceId)] }
            : filter with { DeviceIds = [.. devices.Where(d => sites.Shows(d.Site)).Select(d => d.DeviceId)] };
    }

    /// <summary>Whether the incident belongs to the current site (the same rule as <see cref="ForCurrentSite"/>).</summary>
    public static bool AtCurrentSite(this SiteContext sites, LiveStateStore liveState, IncidentDetail incident)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Alarms.Count == 0 ? sites.Current.IsDefault : incident.Alarms.Any(a => sites.AtCurrentSite(liveState, a.DeviceId));
    }
}
