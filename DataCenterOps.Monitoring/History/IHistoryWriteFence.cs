using Npgsql;

namespace DataCenterOps.Monitoring.History;

/// <summary>
/// The seam for the pollers' leases on PostgreSQL: inside the transaction that stores a batch (before the COPY), the
/// fence returns the readings this node may still write — e.g. only devices whose lease epoch it still holds, so a node
/// that was paused and lost its lease writes nothing stale. Checking in the same transaction makes check and write one
/// step. The default (<see cref="OpenHistoryWriteFence"/>) admits every reading; the lease owner replaces it.
/// </summary>
public interface IHistoryWriteFence
{
    ValueTask<IReadOnlyList<Reading>> AdmitAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Reading> batch, CancellationToken cancellationToken);
}
