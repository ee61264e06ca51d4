using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>
/// Starts a hosted service only on a node with <see cref="Role"/> in <c>Node:Roles</c>. Decided when the host starts,
/// from the bound options (so every configuration source counts), not while services are being registered.
/// </summary>
public sealed class NodeRoleGate(NodeRoles role, IOptions<NodeOptions> node, IHostedService inner) : IHostedService
{
    public NodeRoles Role => role;

    public IHostedService Inner => inner;

    /// <summary>Whether this node runs <see cref="Inner"/>.</summary>
    public bool Runs => node.Value.Has(role);

    public Task StartAsync(CancellationToken cancellationToken) => Runs ? inner.StartAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Runs ? inner.StopAsync(cancellationToken) : Task.CompletedTask;
}
