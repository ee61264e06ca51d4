using DataCenterOps.Domain.Sites;

namespace DataCenterOps.Domain.Access;

/// <summary>Input port: the DC-room door contact of <paramref name="DeviceId"/> changed (from the monitoring live state).</summary>
public sealed record DoorEvent(string DeviceId, DateTime AtUtc, bool Open)
{
    /// <summary>The site the door's device stands at (the bridge maps the device's site code); its register is the one checked.</summary>
    public Guid SiteId { get; init; } = Site.DefaultId;
}
