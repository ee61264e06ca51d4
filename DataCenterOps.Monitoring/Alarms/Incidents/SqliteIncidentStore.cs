using System.Text.Json;
using DataCenterOps.Monitoring.History;
using Microsoft.Data.Sqlite;

namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>Incidents in monitoring.db (<see cref="IncidentSchemas.Sqlite"/>), beside the alarms they group.</summary>
internal sealed partial class SqliteIncidentStore(MonitoringDatabase database) : IIncidentStore
{
    private const string SummaryColumns = "i.id, i.rule, i.category, i.opened_at, i.closed_at, i.severity, (SELECT count(*) FROM incident_alarms ia WHERE ia.incident_id = i.id)";

    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public async Task SaveAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var upsert = connection.CreateCommand();
                await using (upsert.ConfigureAwait(false))
                {
                    upsert.Transaction = transaction;
                    upsert.CommandText = """
                        INSERT INTO incidents (id, rule, category, opened_at, closed_at, severity, site) VALUES ($id, $rule, $category, $opened, NULL, $severity, $site)
                        ON CONFLICT (id) DO UPDATE SET severity = CASE WHEN incidents.severity = 'Critical' THEN 'Critical' ELSE excluded.severity END
                        """;
                    upsert.Parameters.AddWithValue("$id", incident.Id.ToString());
                    upsert.Parameters.AddWithValue("$rule", incident.Rule);
                    upsert.Parameters.AddWithValue("$category", incident.Category);
                    upsert.Parameters.AddWithValue("$opened", incident.OpenedAt.ToUnixTimeMilliseconds());
                    upsert.Parameters.AddWithValue("$site", incident.Site);
                    upsert.Parameters.AddWithValue("$severity", incident.Severity.ToString());
                    await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                for (var i = 0; i < incident.Alarms.Count; i++)
                {
                    var link = connection.CreateCommand();
                    await using (link.ConfigureAwait(false))
                    {
                        link.Transaction = transaction;
                        link.CommandText = """
                            INSERT INTO incident_alarms (incident_id, alarm_id, position)
                            VALUES ($incident, $alarm, $position + (SELECT coalesce(max(l.position) + 1, 0) FROM incident_alarms l WHERE l.incident_id = $incident))
                            ON CONFLICT DO NOTHING
                            """;
                        link.Parameters.AddWithValue("$incident", incident.Id.ToString());
                        link.Parameters.AddWithValue("$alarm", incident.Alarms[i].Id.ToString());
                        link.Parameters.AddWithValue("$position", i);
                        await link.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                if (incident.ClosedAt is { } closedAt)
                {
                    await CloseIfAllClearedAsync(connection, transaction, incident.Id, closedAt, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task AddNoteAsync(IncidentNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var insert = connection.CreateCommand();
            await using (insert.ConfigureAwait(false))
            {
                insert.CommandText = """
                    INSERT INTO incident_notes (incident_id, kind, at_utc, actor, actor_name, text, alarm_id)
                    VALUES ($incident, $kind, $at, $actor, $name, $text, $alarm)
                    """;
                insert.Parameters.AddWithValue("$incident", note.IncidentId.ToString());
                insert.Parameters.AddWithValue("$kind", note.Kind.ToString());
                insert.Parameters.AddWithValue("$at", note.At.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$actor", note.Actor);
                insert.Parameters.AddWithValue("$name", (object?)note.ActorName ?? DBNull.Value);
                insert.Parameters.AddWithValue("$text", (object?)note.Text ?? DBNull.Value);
                insert.Parameters.AddWithValue("$alarm", (object?)note.AlarmId?.ToString() ?? DBNull.Value);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<IncidentSummary>> ListAsync(IncidentFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return await QuerySummariesAsync(
            $"""
            SELECT {SummaryColumns} FROM incidents i
            WHERE ($from IS NULL OR i.opened_at >= $from) AND ($to IS NULL OR i.opened_at < $to)
              AND ($state IS NULL OR ($state = 'Open' AND i.closed_at IS NULL) OR ($state = 'Closed' AND i.closed_at IS NOT NULL))
              AND ($devices IS NULL OR EXISTS (
                    SELECT 1 FROM incident_alarms ia JOIN alarms a ON a.id = ia.alarm_id
                    WHERE ia.incident_id = i.id AND a.device_id IN (SELECT value FROM json_each($devices))))
              AND ($except IS NULL
                   OR NOT EXISTS (
                    SELECT 1 FROM incident_alarms ia JOIN alarms a ON a.id = ia.alarm_id
                    WHERE ia.incident_id = i.id AND a.device_id IN (SELECT value FROM json_each($except)))
                   OR EXISTS (
                    SELECT 1 FROM incident_alarms ia LEFT JOIN alarms a ON a.id = ia.alarm_id
                    WHERE ia.incident_id = i.id AND (a.device_id IS NULL OR a.device_id NOT IN (SELECT value FROM json_each($except)))))
            ORDER BY i.opened_at DESC LIMIT $limit
            """,
            p =>
            {
                p.AddWithValue("$from", (object?)filter.From?.ToUnixTimeMilliseconds() ?? DBNull.Value);
                p.AddWithValue("$to", (object?)filter.To?.ToUnixTimeMilliseconds() ?? DBNull.Value);
                p.AddWithValue("$state", (object?)filter.State?.ToString() ?? DBNull.Value);
                p.AddWithValue("$limit", Math.Clamp(filter.Limit, 1, 10_000));
                p.AddWithValue("$devices", filter.DeviceIds is { } ids ? JsonSerializer.Serialize(ids) : DBNull.Value);
                p.AddWithValue("$except", filter.ExceptDeviceIds is { } except ? JsonSerializer.Serialize(except) : DBNull.Value);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IncidentSummary?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await QuerySummariesAsync($"SELECT {SummaryColumns} FROM incidents i WHERE i.id = $id", p => p.AddWithValue("$id", id.ToString()), cancellationToken).ConfigureAwait(false))
        .SingleOrDefault();

    public async Task<IReadOnlyList<Guid>> AlarmIdsAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "SELECT alarm_id FROM incident_alarms WHERE incident_id = $id ORDER BY position";
                command.Parameters.AddWithValue("$id", id.ToString());
                var ids = new List<Guid>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        ids.Add(Guid.Parse(reader.GetString(0)));
                    }
                }

                return ids;
            }
        }
    }

    public async Task<IReadOnlyList<IncidentNote>> NotesAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "SELECT incident_id, kind, at_utc, actor, actor_name, text, alarm_id FROM incident_notes WHERE incident_id = $id ORDER BY seq";
                command.Parameters.AddWithValue("$id", id.ToString());
                var notes = new List<IncidentNote>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        notes.Add(new IncidentNote(
                            Guid.Parse(reader.GetString(0)),
                            Enum.Parse<IncidentNoteKind>(reader.GetString(1)),
                            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                            reader.GetString(3),
                            reader.IsDBNull(4) ? null : reader.GetString(4),
                            reader.IsDBNull(5) ? null : reader.GetString(5),
                            reader.IsDBNull(6) ? null : Guid.Parse(reader.GetString(6))));
                    }
                }

                return notes;
            }
        }
    }

    private async Task<IReadOnlyList<IncidentSummary>> QuerySummariesAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = sql;
                bind(command.Parameters);
                var list = new List<IncidentSummary>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        list.Add(new IncidentSummary(
                            Guid.Parse(reader.GetString(0)),
                            reader.GetString(1),
                            reader.GetString(2),
                            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                            reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                            Enum.Parse<AlarmSeverity>(reader.GetString(5)),
                            reader.GetInt32(6)));
                    }
                }

                return list;
            }
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!_schemaReady)
        {
            await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_schemaReady)
                {
                    await UpgradeSchemaAsync(connection, cancellationToken).ConfigureAwait(false);

                    _schemaReady = true;
                }
            }
            finally
            {
                _schemaGate.Release();
            }
        }

        return connection;
    }
}
