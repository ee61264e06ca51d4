using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>The <c>Node</c> section: who this node is among the nodes sharing one PostgreSQL database.</summary>
public sealed class NodeOptions
{
    public const string SectionName = "Node";

    /// <summary><c>Node:Name</c>; the host name unless set. Unique per node: leases and <c>dcops_node_devices</c> carry it.</summary>
    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string Name { get; set; } = Environment.MachineName;

    /// <summary><c>Node:Roles</c>: any of <c>Web</c>, <c>Poller</c>, <c>Jobs</c>.</summary>
    public NodeRoles Roles { get; set; } = NodeRoles.All;

    public bool Has(NodeRoles role) => (Roles & role) == role;
}
