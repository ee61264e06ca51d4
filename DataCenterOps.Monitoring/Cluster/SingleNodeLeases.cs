using DataCenterOps.Monitoring.Devices;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>The SQLite default: no shared database, so the one node holds every device at epoch 0 (when it is a poller).</summary>
internal sealed class SingleNodeLeases(DeviceCatalog devices, IOptions<NodeOptions> node) : IDeviceLeases
{
    public string NodeName => node.Value.Name;

    public long? CurrentEpoch(string deviceId) => devices.Find(deviceId) is null ? null : 0;

    public Task<bool> IsCurrentAsync(string deviceId, long epoch, CancellationToken cancellationToken) =>
        Task.FromResult(epoch == 0 && devices.Find(deviceId) is not null);

    public Task<IReadOnlyList<NodeDeviceCount>> CountsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NodeDeviceCount>>(node.Value.Has(NodeRoles.Poller) ? [new NodeDeviceCount(NodeName, devices.All.Count)] : []);
}
