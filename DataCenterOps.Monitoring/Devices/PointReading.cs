namespace DataCenterOps.Monitoring.Devices;

/// <summary>
/// One point as read from a device: the value in the profile's unit after scaling (null when not numeric or not
/// available), the enum text if the profile maps one, and its quality.
/// </summary>
public sealed record PointReading(string Point, double? Value, string? Text, string Unit, PointQuality Quality);
