namespace DataCenterOps.Monitoring.LiveState;

/// <summary>
/// Sent after every poll of a device: its new snapshot and which points changed value or quality.
/// <see cref="IsReplica"/> is true when another node polled it and this node only applied its state (screens show it;
/// rules, door events and history leave it to the node that polled).
/// </summary>
public sealed record LiveStateChange(DeviceSnapshot Device, IReadOnlyList<PointState> ChangedPoints, bool StatusChanged, bool IsReplica = false);
