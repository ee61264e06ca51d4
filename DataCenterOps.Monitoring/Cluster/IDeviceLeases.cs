namespace DataCenterOps.Monitoring.Cluster;

/// <summary>
/// Which devices this node may poll, and the epoch of each lease, for every writer of a device's readings or state.
/// With PostgreSQL the leases live in <c>monitoring.device_leases</c> (<see cref="LeaseKeeper"/>); on the SQLite default
/// the one node holds every device at epoch 0 (<see cref="SingleNodeLeases"/>).
/// </summary>
public interface IDeviceLeases
{
    /// <summary>This node's <c>Node:Name</c>, the lease owner a guarded write names (<see cref="LeaseGuard"/>).</summary>
    string NodeName { get; }

    /// <summary>
    /// The epoch of this node's lease on the device, or null when it holds none or its lease may have run out (then:
    /// do not poll, do not write). Capture it when polling and hand it to the write (<c>Reading.LeaseEpoch</c>).
    /// </summary>
    long? CurrentEpoch(string deviceId);

    /// <summary>Asks the database whether <paramref name="epoch"/> is still this node's lease on the device.</summary>
    Task<bool> IsCurrentAsync(string deviceId, long epoch, CancellationToken cancellationToken);

    /// <summary>How many devices each live poller node holds now (every node sees every node's count): <c>dcops_node_devices</c>.</summary>
    Task<IReadOnlyList<NodeDeviceCount>> CountsAsync(CancellationToken cancellationToken);
}
