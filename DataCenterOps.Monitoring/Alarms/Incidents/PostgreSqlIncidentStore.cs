using DataCenterOps.Monitoring.Cluster;
using Npgsql;
using NpgsqlTypes;

namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>Incidents in the database the nodes share (<see cref="IncidentSchemas.PostgreSql"/>), beside the alarms they group.</summary>
internal sealed class PostgreSqlIncidentStore(SharedDatabase database) : IIncidentStore
{
    private const string SummaryColumns = "i.id, i.rule, i.category, i.opened_at, i.closed_at, i.severity, (SELECT count(*) FROM monitoring.incident_alarms ia WHERE ia.incident_id = i.id)::int";

    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public async Task SaveAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var upsert = new NpgsqlCommand(
                    """
                    INSERT INTO monitoring.incidents (id, rule, category, opened_at, closed_at, severity) VALUES (@id, @rule, @category, @opened, @closed, @severity)
                    ON CONFLICT (id) DO UPDATE SET closed_at = coalesce(excluded.closed_at, monitoring.incidents.closed_at), severity = excluded.severity
                    """,
                    connection,
                    transaction);
                await using (upsert.ConfigureAwait(false))
                {
                    upsert.Parameters.AddWithValue("id", incident.Id);
                    upsert.Parameters.AddWithValue("rule", incident.Rule);
                    upsert.Parameters.AddWithValue("category", incident.Category);
                    upsert.Parameters.AddWithValue("opened", incident.OpenedAt.ToUniversalTime());
                    upsert.Parameters.AddWithValue("closed", NpgsqlDbType.TimestampTz, (object?)incident.ClosedAt?.ToUniversalTime() ?? DBNull.Value);
                    upsert.Parameters.AddWithValue("severity", incident.Severity.ToString());
                    await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var link = new NpgsqlCommand(
                    """
                    INSERT INTO monitoring.incident_alarms (incident_id, alarm_id, position)
                    SELECT @incident, a.id, a.position - 1 FROM unnest(@alarms) WITH ORDINALITY AS a(id, position)
                    ON CONFLICT DO NOTHING
                    """,
                    connection,
                    transaction);
                await using (link.ConfigureAwait(false))
                {
                    link.Parameters.AddWithValue("incident", incident.Id);
                    link.Parameters.AddWithValue("alarms", incident.Alarms.Select(a => a.Id).ToArray());
                    await link.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task AddNoteAsync(IncidentNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var insert = database.DataSource.CreateCommand(
            """
            INSERT INTO monitoring.incident_notes (incident_id, kind, at_utc, actor, actor_name, text, alarm_id)
            VALUES (@incident, @kind, @at, @actor, @name, @text, @alarm)
            """);
        await using (insert.ConfigureAwait(false))
        {
            insert.Parameters.AddWithValue("incident", note.IncidentId);
            insert.Parameters.AddWithValue("kind", note.Kind.ToString());
            insert.Parameters.AddWithValue("at", note.At.ToUniversalTime());
            insert.Parameters.AddWithValue("actor", note.Actor);
            insert.Parameters.AddWithValue("name", NpgsqlDbType.Text, (object?)note.ActorName ?? DBNull.Value);
            insert.Parameters.AddWithValue("text", NpgsqlDbType.Text, (object?)note.Text ?? DBNull.Value);
            insert.Parameters.AddWithValue("alarm", NpgsqlDbType.Uuid, (object?)note.AlarmId ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<IncidentSummary>> ListAsync(IncidentFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return QuerySummariesAsync(
            $"""
            SELECT {SummaryColumns} FROM monitoring.incidents i
            WHERE (@from::timestamptz IS NULL OR i.opened_at >= @from) AND (@to::timestamptz IS NULL OR i.opened_at < @to)
              AND (@state::text IS NULL OR (@state = 'Open' AND i.closed_at IS NULL) OR (@state = 'Closed' AND i.closed_at IS NOT NULL))
              AND (@devices::text[] IS NULL OR EXISTS (
                    SELECT 1 FROM monitoring.incident_alarms ia JOIN monitoring.alarms a ON a.id = ia.alarm_id
                    WHERE ia.incident_id = i.id AND a.device_id = ANY(@devices)))
              AND (@except::text[] IS NULL
                   OR NOT EXISTS (
                    SELECT 1 FROM monitoring.incident_alarms ia JOIN monitoring.alarms a ON a.id = ia.alarm_id
                    WHERE ia.incident_id = i.id AND a.device_id = ANY(@except))
                   OR EXISTS (
                    SELECT 1 FROM monitoring.incident_alarms ia LEFT JOIN monitoring.alarms a ON a.id = ia.alarm_id
                    WHERE ia.incident_id = i.id AND (a.device_id IS NULL OR NOT (a.device_id = ANY(@except)))))
            ORDER BY i.opened_at DESC LIMIT @limit
            """,
            p =>
            {
                p.AddWithValue("from", NpgsqlDbType.TimestampTz, (object?)filter.From?.ToUniversalTime() ?? DBNull.Value);
                p.AddWithValue("to", NpgsqlDbType.TimestampTz, (object?)filter.To?.ToUniversalTime() ?? DBNull.Value);
                p.AddWithValue("state", NpgsqlDbType.Text, (object?)filter.State?.ToString() ?? DBNull.Value);
                p.AddWithValue("limit", Math.Clamp(filter.Limit, 1, 10_000));
                p.AddWithValue("devices", NpgsqlDbType.Array | NpgsqlDbType.Text, (object?)filter.DeviceIds?.ToArray() ?? DBNull.Value);
                p.AddWithValue("except", NpgsqlDbType.Array | NpgsqlDbType.Text, (object?)filter.ExceptDeviceIds?.ToArray() ?? DBNull.Value);
            },
            cancellationToken);
    }

    public async Task<IncidentSummary?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await QuerySummariesAsync($"SELECT {SummaryColumns} FROM monitoring.incidents i WHERE i.id = @id", p => p.AddWithValue("id", id), cancellationToken).ConfigureAwait(false))
        .SingleOrDefault();

    public async Task<IReadOnlyList<Guid>> AlarmIdsAsync(Guid id, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = database.DataSource.CreateCommand("SELECT alarm_id FROM monitoring.incident_alarms WHERE incident_id = @id ORDER BY position");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("id", id);
            var ids = new List<Guid>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(reader.GetGuid(0));
                }
            }

            return ids;
        }
    }

    public async Task<IReadOnlyList<IncidentNote>> NotesAsync(Guid id, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = database.DataSource.CreateCommand(
            "SELECT incident_id, kind, at_utc, actor, actor_name, text, alarm_id FROM monitoring.incident_notes WHERE incident_id = @id ORDER BY seq");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("id", id);
            var notes = new List<IncidentNote>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    notes.Add(new IncidentNote(
                        reader.GetGuid(0),
                        Enum.Parse<IncidentNoteKind>(reader.GetString(1)),
                        reader.GetFieldValue<DateTimeOffset>(2),
                        reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.IsDBNull(5) ? null : reader.GetString(5),
                        reader.IsDBNull(6) ? null : reader.GetGuid(6)));
                }
            }

            return notes;
        }
    }

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                await LiveStateSchema.RunLockedAsync(database.DataSource, IncidentSchemas.PostgreSql, cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private async Task<IReadOnlyList<IncidentSummary>> QuerySummariesAsync(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = database.DataSource.CreateCommand(sql);
        await using (command.ConfigureAwait(false))
        {
            bind(command.Parameters);
            var list = new List<IncidentSummary>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(new IncidentSummary(
                        reader.GetGuid(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.GetFieldValue<DateTimeOffset>(3),
                        reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                        Enum.Parse<AlarmSeverity>(reader.GetString(5)),
                        reader.GetInt32(6)));
                }
            }

            return list;
        }
    }
}
