using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Shared.Sites;

namespace DataCenterOps.Web.Features.Room;

/// <summary>Which devices (and so which alarms) a room screen shows: those of the circuit's current site.</summary>
public static class SiteDevices
{
    /// <summary>Whether the device stands at the current site; an unknown device (removed since) counts as the default site's.</summary>
    public static bool AtCurrentSite(this SiteContext sites, LiveStateStore liveState, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(liveState);
        return sites.Shows(liveState.GetDevice(deviceId)?.Site);
    }
}
