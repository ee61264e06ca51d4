namespace DataCenterOps.Monitoring.LiveState;

/// <summary>Sent after every poll of a device: its new snapshot and which points changed value or quality.</summary>
public sealed record LiveStateChange(DeviceSnapshot Device, IReadOnlyList<PointState> ChangedPoints, bool StatusChanged);
