namespace DataCenterOps.Monitoring.Cluster;

/// <summary>What a node does (<c>Node:Roles</c>, e.g. <c>Web, Poller</c>); all three by default.</summary>
[Flags]
public enum NodeRoles
{
    None = 0,

    /// <summary>Serves the screens, the API and <c>/metrics</c>.</summary>
    Web = 1,

    /// <summary>Polls devices (the ones its leases give it) and receives traps.</summary>
    Poller = 2,

    /// <summary>Runs the Hangfire server (routine jobs).</summary>
    Jobs = 4,

    All = Web | Poller | Jobs,
}
