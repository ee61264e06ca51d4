namespace DataCenterOps.Monitoring.History;

/// <summary>
/// One stored sample of a numeric point, in the profile's unit after scaling. <see cref="LeaseEpoch"/> is the epoch of
/// the poller's lease on the device when it was read (<see cref="Cluster.IDeviceLeases"/>): a writer to the shared database
/// stores it only while that epoch is still current (<see cref="Cluster.LeaseGuard"/>); 0 on a single node.
/// </summary>
public readonly record struct Reading(string DeviceId, string Point, DateTimeOffset Timestamp, double Value, string Unit = "", long LeaseEpoch = 0);
