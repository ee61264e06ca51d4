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
                    INSERT INTO monitoring.incidents (id, rule, category, opened_at, closed_at, severity, site) VALUES (@id, @rule, @category, @opened, NULL, @severity, @site)
                    ON CONFLICT (id) DO UPDATE SET
                        severity = CASE WHEN monitoring.incidents.severity = 'Critical' THEN 'Critical' ELSE excluded.severity END
                    """,
                    connection,
                    transaction);
                await using (upsert.ConfigureAwait(false))
                {
                    upsert.Parameters.AddWithValue("id", incident.Id);
                    upsert.Parameters.AddWithValue("rule", incident.Rule);
                    upsert.Parameters.AddWithValue("category", incident.Category);
                    upsert.Parameters.AddWithValue("opened", incident.OpenedAt.ToUniversalTime());
                    upsert.Parameters.AddWithValue("severity", incident.Severity.ToString());
                    upsert.Parameters.AddWithValue("site", incident.Site);
                    await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var link = new NpgsqlCommand(
                    """
                    INSERT INTO monitoring.incident_alarms (incident_id, alarm_id, position)
                    SELECT @incident, a.id, a.position - 1 + (SELECT coalesce(max(l.position) + 1, 0) FROM monitoring.incident_alarms l WHERE l.incident_id = @incident)
                    FROM unnest(@alarms) WITH ORDINALITY AS a(id, position)
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

                if (incident.ClosedAt is { } closedAt)
                {
                    // Closed only when every linked alarm has cleared: another node's may still be active.
                    var close = new NpgsqlCommand(
                        """
                        UPDATE monitoring.incidents i SET closed_at = @closed WHERE i.id = @id AND i.closed_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM monitoring.incident_alarms ia JOIN monitoring.alarms a ON a.id = ia.alarm_id
                                          WHERE ia.incident_id = i.id AND a.cleared_at IS NULL)
                        """,
                        connection,
                        transaction);
                    await using (close.ConfigureAwait(false))
                    {
                        close.Parameters.AddWithValue("id", incident.Id);
                        close.Parameters.AddWithValue("closed", closedAt.ToUniversalTime());
                        await close.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<SharedIncident?> FindOpenAsync(string rule, string site, CancellationToken cancellationToken) =>
        (await QuerySharedAsync("i.rule = @rule AND i.site = @site AND i.closed_at IS NULL", p =>
        {
            p.AddWithValue("rule", rule);
            p.AddWithValue("site", site);
        }, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public async Task<SharedIncident> OpenOrJoinAsync(Incident candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        // ux_incidents_one_open lets one node's insert through; the others find that one.
        var insert = database.DataSource.CreateCommand(
            """
            INSERT INTO monitoring.incidents (id, rule, category, opened_at, closed_at, severity, site) VALUES (@id, @rule, @category, @opened, NULL, @severity, @site)
            ON CONFLICT (rule, site) WHERE closed_at IS NULL DO NOTHING
            """);
        await using (insert.ConfigureAwait(false))
        {
            insert.Parameters.AddWithValue("id", candidate.Id);
            insert.Parameters.AddWithValue("rule", candidate.Rule);
            insert.Parameters.AddWithValue("category", candidate.Category);
            insert.Parameters.AddWithValue("opened", candidate.OpenedAt.ToUniversalTime());
            insert.Parameters.AddWithValue("severity", candidate.Severity.ToString());
            insert.Parameters.AddWithValue("site", candidate.Site);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await FindOpenAsync(candidate.Rule, candidate.Site, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Incident {candidate.Rule} at '{candidate.Site}' was opened and closed at once.");
    }

    public async Task<SharedIncident?> FindSharedAsync(Guid id, CancellationToken cancellationToken) =>
        (await QuerySharedAsync("i.id = @id", p => p.AddWithValue("id", id), cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public Task<IReadOnlyList<SharedIncident>> LoadOpenAsync(CancellationToken cancellationToken) =>
        QuerySharedAsync("i.closed_at IS NULL", _ => { }, cancellationToken);

    public async Task<bool> ClaimNoticeAsync(Guid id, AlarmNoticeKind kind, CancellationToken cancellationToken)
    {
        var column = NoticeColumn(kind);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var claim = database.DataSource.CreateCommand($"UPDATE monitoring.incidents SET {column} = true WHERE id = @id AND NOT {column}");
        await using (claim.ConfigureAwait(false))
        {
            claim.Parameters.AddWithValue("id", id);
            return await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    internal static string NoticeColumn(AlarmNoticeKind kind) => kind switch
    {
        AlarmNoticeKind.IncidentOpened => "notified_opened",
        AlarmNoticeKind.IncidentResolved => "notified_resolved",
        AlarmNoticeKind.Escalated => "notified_escalated",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only an incident's opened, resolved and escalated notices are claimed."),
    };

    private async Task<IReadOnlyList<SharedIncident>> QuerySharedAsync(string where, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = database.DataSource.CreateCommand(
            $"""
            SELECT i.id, i.rule, i.site, i.opened_at, i.closed_at, i.notified_opened,
                   coalesce((SELECT array_agg(ia.alarm_id ORDER BY ia.position, ia.alarm_id) FROM monitoring.incident_alarms ia WHERE ia.incident_id = i.id), ARRAY[]::uuid[])
            FROM monitoring.incidents i WHERE {where} ORDER BY i.opened_at
            """);
        await using (command.ConfigureAwait(false))
        {
            bind(command.Parameters);
            var list = new List<SharedIncident>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(new SharedIncident(
                        reader.GetGuid(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.GetFieldValue<DateTimeOffset>(3),
                        reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                        reader.GetBoolean(5),
                        reader.GetFieldValue<Guid[]>(6)));
                }
            }

            return list;
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
