using Npgsql;

namespace DataCenterOps.Monitoring.History;

/// <summary>The fence when no lease owner has registered one: every reading is admitted (one node, or leases not yet in).</summary>
public sealed class OpenHistoryWriteFence : IHistoryWriteFence
{
    public ValueTask<IReadOnlyList<Reading>> AdmitAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Reading> batch, CancellationToken cancellationToken) =>
        ValueTask.FromResult(batch);
}
