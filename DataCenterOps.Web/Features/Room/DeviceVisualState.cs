namespace DataCenterOps.Web.Features.Room;

/// <summary>How a device is drawn on the room screens; the order is the order of urgency for a group.</summary>
public enum DeviceVisualState
{
    Normal,
    Unknown,
    Maintenance,
    Warning,
    CommLost,
    Critical,
}
