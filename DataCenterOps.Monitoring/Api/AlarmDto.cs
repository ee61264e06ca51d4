namespace DataCenterOps.Monitoring.Api;

/// <summary>
/// An active alarm in <c>/api/v1/alarms</c>, with the site code its device stands at and the device's one name
/// (<see cref="Devices.IDeviceDisplayNames"/>; <see cref="Device"/> stays its id).
/// </summary>
public sealed record AlarmDto(
    Guid Id,
    string Device,
    string Alarm,
    string Severity,
    string Message,
    DateTimeOffset RaisedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgeComment,
    string Site,
    string DeviceName);
