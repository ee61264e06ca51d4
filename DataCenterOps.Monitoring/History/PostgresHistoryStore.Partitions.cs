using System.Globalization;
using Npgsql;

namespace DataCenterOps.Monitoring.History;

/// <summary>The day partitions: created ahead and on demand, listed, and dropped whole by retention.</summary>
public sealed partial class PostgresHistoryStore
{
    public async Task PrepareAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            for (var day = today; day <= today.AddDays(AheadDays); day = day.AddDays(1))
            {
                foreach (var table in PostgresHistorySchema.PartitionedTables)
                {
                    await EnsurePartitionAsync(connection, table, day, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    public async Task EnforceRetentionAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var history = options.Value.History;
        var cuts = new Dictionary<string, DateTime>(StringComparer.Ordinal)
        {
            [PostgresHistorySchema.Samples] = (now - TimeSpan.FromDays(history.RawRetentionDays)).UtcDateTime,
            [PostgresHistorySchema.Minutes] = (now - TimeSpan.FromDays(history.RollupRetentionDays)).UtcDateTime,
        };
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({PostgresHistorySchema.SchemaLockKey})", cancellationToken).ConfigureAwait(false);
                foreach (var (parent, child, day) in await PartitionsAsync(connection, cancellationToken).ConfigureAwait(false))
                {
                    // A whole day goes once all of it is older than the retention: nothing younger is ever deleted.
                    if (day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) <= cuts[parent])
                    {
                        await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {PostgresHistorySchema.Schema}.\"{child}\"", cancellationToken).ConfigureAwait(false);
                        _partitions.TryRemove((parent, day), out _);
                    }
                }

                var delete = new NpgsqlCommand($"DELETE FROM {PostgresHistorySchema.Schema}.{PostgresHistorySchema.Hours} WHERE bucket < @cut", connection);
                await using (delete.ConfigureAwait(false))
                {
                    delete.Parameters.AddWithValue("cut", cuts[PostgresHistorySchema.Minutes]);
                    await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The partitions there are now: (parent table, partition, the UTC day it holds).</summary>
    internal async Task<IReadOnlyList<(string Parent, string Child, DateOnly Day)>> PartitionsAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await PartitionsAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<(string Parent, string Child, DateOnly Day)>> PartitionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var list = new List<(string, string, DateOnly)>();
        var command = new NpgsqlCommand(PostgresHistorySchema.ListPartitions, connection);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var parent = reader.GetString(0);
                    var child = reader.GetString(1);
                    if (DateOnly.TryParseExact(child[(parent.Length + 1)..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    {
                        list.Add((parent, child, day));
                    }
                }
            }
        }

        return list;
    }

    private async Task EnsurePartitionAsync(NpgsqlConnection connection, string table, DateOnly day, CancellationToken cancellationToken)
    {
        if (_partitions.ContainsKey((table, day)))
        {
            return;
        }

        var command = new NpgsqlCommand($"SELECT {PostgresHistorySchema.Schema}.history_ensure_partition(@t, @d)", connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("t", table);
            command.Parameters.AddWithValue("d", day);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        _partitions[(table, day)] = true;
    }
}
