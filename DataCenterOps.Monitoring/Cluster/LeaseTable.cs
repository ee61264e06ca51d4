using DataCenterOps.Monitoring.Devices;
using Npgsql;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>
/// The statements of one node on <c>monitoring.device_leases</c> and <c>monitoring.poller_nodes</c>. Every expiry is
/// compared with the database's <c>now()</c>, never a node's clock; a takeover raises the epoch; renewing and
/// releasing name the epoch held, so a node can never extend or drop a lease that another node took over.
/// </summary>
internal sealed class LeaseTable(NpgsqlDataSource database, string node, string group, TimeSpan lease)
{
    /// <summary>The pools this node leases from: devices without a group, and those of its own group.</summary>
    public string[] Pools { get; } = group.Length == 0 ? [""] : ["", group];

    public async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO monitoring.poller_nodes (node_name, poller_group, last_seen, expires_at)
            VALUES (@node, @group, now(), now() + @lease)
            ON CONFLICT (node_name) DO UPDATE SET poller_group = excluded.poller_group, last_seen = excluded.last_seen, expires_at = excluded.expires_at
            """);
        command.Parameters.AddWithValue("node", node);
        command.Parameters.AddWithValue("group", group);
        command.Parameters.AddWithValue("lease", lease);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes sure every device of the catalog has a lease row with its current group.</summary>
    public async Task RegisterAsync(IReadOnlyList<DeviceOptions> devices, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO monitoring.device_leases (device_id, poller_group)
            SELECT * FROM unnest(@ids, @groups)
            ON CONFLICT (device_id) DO UPDATE SET poller_group = excluded.poller_group
            WHERE device_leases.poller_group <> excluded.poller_group
            """);
        command.Parameters.AddWithValue("ids", devices.Select(d => d.Id).ToArray());
        command.Parameters.AddWithValue("groups", devices.Select(d => d.PollerGroup ?? "").ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Extends the leases still held under the same epoch (and still in this node's pools); returns those.</summary>
    public async Task<List<HeldLease>> RenewAsync(IReadOnlyCollection<HeldLease> held, CancellationToken cancellationToken)
    {
        if (held.Count == 0)
        {
            return [];
        }

        await using var command = database.CreateCommand("""
            UPDATE monitoring.device_leases l SET expires_at = now() + @lease
            FROM unnest(@ids, @epochs) AS h(device_id, epoch)
            WHERE l.device_id = h.device_id AND l.epoch = h.epoch AND l.owner_node = @node AND l.poller_group = ANY(@pools)
            RETURNING l.device_id, l.poller_group, l.epoch
            """);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("ids", held.Select(h => h.DeviceId).ToArray());
        command.Parameters.AddWithValue("epochs", held.Select(h => h.Epoch).ToArray());
        command.Parameters.AddWithValue("node", node);
        command.Parameters.AddWithValue("pools", Pools);
        return await ReadLeasesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Per pool: how many devices it has and how many live nodes may lease them.</summary>
    public async Task<Dictionary<string, (int Devices, int Nodes)>> PoolSizesAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT l.poller_group, count(*)::int,
                (SELECT count(*)::int FROM monitoring.poller_nodes n
                 WHERE n.expires_at > now() AND (l.poller_group = '' OR n.poller_group = l.poller_group))
            FROM monitoring.device_leases l
            WHERE l.poller_group = ANY(@pools)
            GROUP BY l.poller_group
            """);
        command.Parameters.AddWithValue("pools", Pools);
        var sizes = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sizes[reader.GetString(0)] = (reader.GetInt32(1), reader.GetInt32(2));
        }

        return sizes;
    }

    /// <summary>
    /// Takes up to <paramref name="wanted"/> devices of the pool that nobody holds, whose lease ran out, or that an earlier
    /// run of this node left behind; each takeover raises the epoch. Rows another node is claiming right now are skipped.
    /// </summary>
    public async Task<List<HeldLease>> ClaimAsync(string pool, string[] known, string[] held, int wanted, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            UPDATE monitoring.device_leases l SET owner_node = @node, epoch = l.epoch + 1, expires_at = now() + @lease
            WHERE l.device_id IN (
                SELECT c.device_id FROM monitoring.device_leases c
                WHERE c.poller_group = @pool AND c.device_id = ANY(@known) AND c.device_id <> ALL(@held)
                  AND (c.owner_node IS NULL OR c.expires_at <= now() OR c.owner_node = @node)
                ORDER BY c.device_id
                LIMIT @wanted
                FOR UPDATE SKIP LOCKED)
              AND (l.owner_node IS NULL OR l.expires_at <= now() OR l.owner_node = @node)
            RETURNING l.device_id, l.poller_group, l.epoch
            """);
        command.Parameters.AddWithValue("node", node);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("pool", pool);
        command.Parameters.AddWithValue("known", known);
        command.Parameters.AddWithValue("held", held);
        command.Parameters.AddWithValue("wanted", wanted);
        return await ReadLeasesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives leases back (only under the epoch held), so another node can claim them at once.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<HeldLease> leases, CancellationToken cancellationToken)
    {
        if (leases.Count == 0)
        {
            return;
        }

        await using var command = database.CreateCommand("""
            UPDATE monitoring.device_leases l SET owner_node = NULL, expires_at = '-infinity'
            FROM unnest(@ids, @epochs) AS h(device_id, epoch)
            WHERE l.device_id = h.device_id AND l.epoch = h.epoch AND l.owner_node = @node
            """);
        command.Parameters.AddWithValue("ids", leases.Select(h => h.DeviceId).ToArray());
        command.Parameters.AddWithValue("epochs", leases.Select(h => h.Epoch).ToArray());
        command.Parameters.AddWithValue("node", node);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>This node stops polling: its heartbeat ends now, so the others count one node fewer at once.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM monitoring.poller_nodes WHERE node_name = @node");
        command.Parameters.AddWithValue("node", node);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> IsCurrentAsync(string deviceId, long epoch, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT " + LeaseGuard.Condition);
        LeaseGuard.AddParameters(command, deviceId, node, epoch);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    /// <summary>Every live poller node with the number of unexpired leases it holds (0 included).</summary>
    public static async Task<IReadOnlyList<NodeDeviceCount>> CountsAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT n.node_name, count(l.device_id)::int
            FROM monitoring.poller_nodes n
            LEFT JOIN monitoring.device_leases l ON l.owner_node = n.node_name AND l.expires_at > now()
            WHERE n.expires_at > now()
            GROUP BY n.node_name
            ORDER BY n.node_name
            """);
        var counts = new List<NodeDeviceCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(new NodeDeviceCount(reader.GetString(0), reader.GetInt32(1)));
        }

        return counts;
    }

    private static async Task<List<HeldLease>> ReadLeasesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var leases = new List<HeldLease>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leases.Add(new HeldLease(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return leases;
    }
}
