namespace DataCenterOps.Web.Features.Room;

/// <summary>How a device is drawn on the room screens; the order is the order of urgency for a group.</summary>
public enum DeviceVisualState
{
    Normal,
    /// <summary>Off without an alarm while another cooling unit carries the room (duty/standby); a group stays Normal.</summary>
    Standby,
    Unknown,
    /// <summary>Off without an alarm and no other unit running: said in words, never as "Normal".</summary>
    Off,
    Maintenance,
    Warning,
    CommLost,
    Critical,
}
