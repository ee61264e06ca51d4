using Npgsql;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>
/// The lease tables in schema <c>monitoring</c>, created idempotently at start by the lease keeper. One row per device
/// (<c>device_leases</c>: owner node, epoch raised on every takeover, expiry by the database clock) and one per poller
/// node (<c>poller_nodes</c>: heartbeat). Nodes starting together serialise on an advisory lock, because two concurrent
/// <c>CREATE … IF NOT EXISTS</c> can still collide in PostgreSQL's catalog.
/// </summary>
internal static class LeaseSchema
{
    /// <summary>Advisory lock key for creating objects in schema <c>monitoring</c> (any feature may take the same one).</summary>
    public const long SchemaLockKey = 0x64636F70_6D6F6E; // "dcopmon"

    private const string Sql = """
        CREATE SCHEMA IF NOT EXISTS monitoring;
        CREATE TABLE IF NOT EXISTS monitoring.device_leases (
            device_id text PRIMARY KEY,
            poller_group text NOT NULL DEFAULT '',
            owner_node text NULL,
            epoch bigint NOT NULL DEFAULT 0,
            expires_at timestamptz NOT NULL DEFAULT '-infinity');
        CREATE INDEX IF NOT EXISTS device_leases_owner ON monitoring.device_leases (owner_node);
        CREATE TABLE IF NOT EXISTS monitoring.poller_nodes (
            node_name text PRIMARY KEY,
            poller_group text NOT NULL DEFAULT '',
            last_seen timestamptz NOT NULL,
            expires_at timestamptz NOT NULL);
        """;

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            command.Parameters.AddWithValue("key", SchemaLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(Sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
