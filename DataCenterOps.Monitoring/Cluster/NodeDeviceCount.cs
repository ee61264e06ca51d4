namespace DataCenterOps.Monitoring.Cluster;

/// <summary>One live poller node and how many devices it holds a lease on now.</summary>
public sealed record NodeDeviceCount(string Node, int Devices);
