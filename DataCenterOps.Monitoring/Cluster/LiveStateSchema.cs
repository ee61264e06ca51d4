using Npgsql;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>
/// The <c>monitoring.live_state</c> table: every device's latest snapshot as the node that polled it wrote it (JSON,
/// without secrets), when and by which node. Changes are announced on <see cref="Channel"/> with a small payload
/// (node and device id); readers load the row.
/// </summary>
internal static class LiveStateSchema
{
    /// <summary>The NOTIFY channel of live-state changes.</summary>
    public const string Channel = "dcops_live_state";

    public const string Sql = """
        CREATE SCHEMA IF NOT EXISTS monitoring;
        CREATE TABLE IF NOT EXISTS monitoring.live_state (
            device_id text PRIMARY KEY,
            snapshot jsonb NOT NULL,
            origin_node text NOT NULL,
            updated_at timestamptz NOT NULL);
        """;

    // One key for every monitoring schema script: nodes starting together create each table once, in turn.
    private const long SchemaLockKey = 0x64636F70_73736368; // "dcopssch"

    public static Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        RunLockedAsync(dataSource, Sql, cancellationToken);

    /// <summary>Runs an idempotent schema script in one transaction under a transaction advisory lock.</summary>
    public static async Task RunLockedAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
                await using (command.ConfigureAwait(false))
                {
                    command.Parameters.AddWithValue("key", SchemaLockKey);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var script = new NpgsqlCommand(sql, connection, transaction);
                await using (script.ConfigureAwait(false))
                {
                    await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
