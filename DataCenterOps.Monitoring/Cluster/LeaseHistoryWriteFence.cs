using DataCenterOps.Monitoring.History;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>
/// History's fence on the shared database: a reading is stored only while this node still holds the device's lease
/// under the epoch it was polled with (<see cref="LeaseGuard"/>). The lease rows are read <c>FOR SHARE</c> in the batch's
/// own transaction, so a takeover (which updates the row) waits for the batch to commit, and a batch that starts after
/// the takeover sees the new epoch and drops the stale readings: check and write are one step.
/// </summary>
public sealed class LeaseHistoryWriteFence(IOptions<NodeOptions> node) : IHistoryWriteFence
{
    public async ValueTask<IReadOnlyList<Reading>> AdmitAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var devices = batch.Select(r => r.DeviceId).Distinct(StringComparer.Ordinal).ToArray();
        var held = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            "SELECT device_id, epoch FROM monitoring.device_leases WHERE owner_node = @node AND device_id = ANY(@devices) FOR SHARE", connection, transaction))
        {
            command.Parameters.AddWithValue("node", node.Value.Name);
            command.Parameters.AddWithValue("devices", devices);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                held[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return held.Count == devices.Length && batch.All(r => held[r.DeviceId] == r.LeaseEpoch)
            ? batch
            : [.. batch.Where(r => held.TryGetValue(r.DeviceId, out var epoch) && epoch == r.LeaseEpoch)];
    }
}
