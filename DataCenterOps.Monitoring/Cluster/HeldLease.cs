namespace DataCenterOps.Monitoring.Cluster;

/// <summary>A lease row this node holds: the device, its poller group, and the epoch it was claimed under.</summary>
internal readonly record struct HeldLease(string DeviceId, string Group, long Epoch);
