using Npgsql;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>
/// The check every write of a device's reading or state to the shared database makes in the same statement: the
/// lease row must still name this node with the epoch the value was polled under. A node that was paused past its
/// lease and woke after another node took the device over (epoch + 1) therefore writes nothing: its statement
/// matches no row. Use <see cref="Condition"/> in a WHERE (<c>INSERT … SELECT … WHERE</c> or <c>UPDATE … WHERE</c>)
/// with <see cref="AddParameters"/>; for rows staged by <c>COPY</c>, join the stage on
/// <c>monitoring.device_leases l ON l.device_id = s.device_id AND l.epoch = s.lease_epoch AND l.owner_node = @lease_node</c>.
/// </summary>
public static class LeaseGuard
{
    /// <summary>True when the lease is still the one given by <c>@lease_device</c>, <c>@lease_node</c> and <c>@lease_epoch</c>.</summary>
    public const string Condition =
        "EXISTS (SELECT 1 FROM monitoring.device_leases lease WHERE lease.device_id = @lease_device AND lease.owner_node = @lease_node AND lease.epoch = @lease_epoch)";

    public static void AddParameters(NpgsqlCommand command, string deviceId, string node, long epoch)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.AddWithValue("lease_device", deviceId);
        command.Parameters.AddWithValue("lease_node", node);
        command.Parameters.AddWithValue("lease_epoch", epoch);
    }
}
