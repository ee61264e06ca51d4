using System.Globalization;
using System.Text.Json;
using DataCenterOps.Monitoring.Cluster;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// Alarms in the database the nodes share (<see cref="PostgreSqlAlarmSchema"/>). Each change is conditional on what
/// the database holds, so two nodes cannot both raise, clear or acknowledge one alarm: a raise is
/// <c>INSERT … ON CONFLICT DO NOTHING</c> against the one-active-alarm index; a clear, an acknowledgement or a severity
/// change updates only a row still in the state it expects. Only a change that took effect writes its event row and
/// sends <c>NOTIFY</c> (payload <c>seq|node</c>), in the same transaction.
/// </summary>
internal sealed class PostgreSqlAlarmStore(SharedDatabase database, IOptions<NodeOptions> node) : IAlarmStore
{
    private const string Columns = "a.id, a.device_id, a.alarm_key, a.severity, a.message, a.raised_at, a.acknowledged_by, a.acknowledged_at, a.ack_comment, a.cleared_at, a.message_key, a.message_args, a.ack_name";
    private const string EventColumns = "e.alarm_id, e.device_id, e.alarm_key, e.event, e.severity, e.actor, e.at_utc, e.comment";

    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public string NodeName => node.Value.Name;

    public async Task<bool> SaveAsync(Alarm alarm, AlarmEvent alarmEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(alarmEvent);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var change = new NpgsqlCommand(ChangeSql(alarmEvent.Kind), connection, transaction);
                await using (change.ConfigureAwait(false))
                {
                    BindAlarm(change.Parameters, alarm);
                    if (await change.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                    {
                        return false; // the database holds another truth; the transaction rolls back (nothing was written)
                    }
                }

                var insert = new NpgsqlCommand(
                    """
                    WITH e AS (
                        INSERT INTO monitoring.alarm_events (alarm_id, device_id, alarm_key, event, severity, actor, at_utc, comment, node)
                        VALUES (@id, @device, @key, @event, @severity, @actor, @at, @comment, @node) RETURNING seq)
                    SELECT pg_notify(@channel, e.seq::text || '|' || @node) FROM e
                    """,
                    connection,
                    transaction);
                await using (insert.ConfigureAwait(false))
                {
                    insert.Parameters.AddWithValue("id", alarmEvent.AlarmId);
                    insert.Parameters.AddWithValue("device", alarmEvent.DeviceId);
                    insert.Parameters.AddWithValue("key", alarmEvent.Key);
                    insert.Parameters.AddWithValue("event", alarmEvent.Kind.ToString());
                    insert.Parameters.AddWithValue("severity", alarmEvent.Severity.ToString());
                    insert.Parameters.AddWithValue("actor", alarmEvent.Actor);
                    insert.Parameters.AddWithValue("at", alarmEvent.At.ToUniversalTime());
                    insert.Parameters.AddWithValue("comment", NpgsqlDbType.Text, (object?)alarmEvent.Comment ?? DBNull.Value);
                    insert.Parameters.AddWithValue("node", NodeName);
                    insert.Parameters.AddWithValue("channel", PostgreSqlAlarmSchema.Channel);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }

    public Task<IReadOnlyList<Alarm>> LoadOpenAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM monitoring.alarms a WHERE a.cleared_at IS NULL ORDER BY a.raised_at", _ => { }, cancellationToken);

    public Task<IReadOnlyList<Alarm>> LoadHistoryAsync(AlarmHistoryFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return QueryAsync(
            $"""
            SELECT {Columns} FROM monitoring.alarms a
            WHERE (@device::text IS NULL OR a.device_id = @device) AND (@key::text IS NULL OR a.alarm_key = @key)
              AND (@from::timestamptz IS NULL OR a.raised_at >= @from) AND (@to::timestamptz IS NULL OR a.raised_at < @to)
              AND (@devices::text[] IS NULL OR a.device_id = ANY(@devices)) AND (@except::text[] IS NULL OR NOT (a.device_id = ANY(@except)))
            ORDER BY a.raised_at DESC LIMIT @limit
            """,
            p =>
            {
                p.AddWithValue("device", NpgsqlDbType.Text, (object?)filter.DeviceId ?? DBNull.Value);
                p.AddWithValue("key", NpgsqlDbType.Text, (object?)filter.Key ?? DBNull.Value);
                p.AddWithValue("from", NpgsqlDbType.TimestampTz, (object?)filter.From?.ToUniversalTime() ?? DBNull.Value);
                p.AddWithValue("to", NpgsqlDbType.TimestampTz, (object?)filter.To?.ToUniversalTime() ?? DBNull.Value);
                p.AddWithValue("limit", Math.Clamp(filter.Limit, 1, 10_000));
                p.AddWithValue("devices", NpgsqlDbType.Array | NpgsqlDbType.Text, (object?)filter.DeviceIds?.ToArray() ?? DBNull.Value);
                p.AddWithValue("except", NpgsqlDbType.Array | NpgsqlDbType.Text, (object?)filter.ExceptDeviceIds?.ToArray() ?? DBNull.Value);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<AlarmEvent>> LoadEventsAsync(Guid alarmId, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = database.DataSource.CreateCommand($"SELECT {EventColumns} FROM monitoring.alarm_events e WHERE e.alarm_id = @id ORDER BY e.seq");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("id", alarmId);
            var events = new List<AlarmEvent>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    events.Add(ReadEvent(reader, 0));
                }
            }

            return events;
        }
    }

    /// <summary>One announced change (the event with this <c>seq</c> and its alarm as it now is); null when there is none.</summary>
    public async Task<AlarmChange?> LoadChangeAsync(long seq, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = database.DataSource.CreateCommand(
            $"SELECT {Columns}, {EventColumns} FROM monitoring.alarm_events e JOIN monitoring.alarms a ON a.id = e.alarm_id WHERE e.seq = @seq");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("seq", seq);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? new AlarmChange(ReadAlarm(reader), ReadEvent(reader, 13))
                    : null;
            }
        }
    }

    /// <summary>Reads a NOTIFY payload of <see cref="PostgreSqlAlarmSchema.Channel"/>: the event's seq and the node that stored it.</summary>
    public static bool TryParsePayload(string payload, out long seq, out string node)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        node = bar < 0 ? "" : payload[(bar + 1)..];
        seq = 0;
        return bar > 0 && long.TryParse(payload.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out seq);
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
                await LiveStateSchema.RunLockedAsync(database.DataSource, PostgreSqlAlarmSchema.Sql, cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private static string ChangeSql(AlarmEventKind kind) => kind switch
    {
        AlarmEventKind.Raised or AlarmEventKind.Trap =>
            """
            INSERT INTO monitoring.alarms (id, device_id, alarm_key, severity, message, raised_at, acknowledged_by, acknowledged_at, ack_comment, ack_name, cleared_at, message_key, message_args)
            VALUES (@id, @device, @key, @severity, @message, @raised, @ackBy, @ackAt, @ackComment, @ackName, @cleared, @messageKey, @messageArgs)
            ON CONFLICT DO NOTHING
            """,
        AlarmEventKind.SeverityChanged =>
            "UPDATE monitoring.alarms SET severity = @severity, message = @message, message_key = @messageKey, message_args = @messageArgs WHERE id = @id AND cleared_at IS NULL",
        AlarmEventKind.Acknowledged =>
            "UPDATE monitoring.alarms SET acknowledged_by = @ackBy, acknowledged_at = @ackAt, ack_comment = @ackComment, ack_name = @ackName WHERE id = @id AND cleared_at IS NULL AND acknowledged_at IS NULL",
        AlarmEventKind.Cleared =>
            "UPDATE monitoring.alarms SET cleared_at = @cleared WHERE id = @id AND cleared_at IS NULL",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown alarm event kind."),
    };

    private static void BindAlarm(NpgsqlParameterCollection p, Alarm alarm)
    {
        p.AddWithValue("id", alarm.Id);
        p.AddWithValue("device", alarm.DeviceId);
        p.AddWithValue("key", alarm.Key);
        p.AddWithValue("severity", alarm.Severity.ToString());
        p.AddWithValue("message", alarm.Message);
        p.AddWithValue("raised", alarm.RaisedAt.ToUniversalTime());
        p.AddWithValue("ackBy", NpgsqlDbType.Text, (object?)alarm.AcknowledgedBy ?? DBNull.Value);
        p.AddWithValue("ackAt", NpgsqlDbType.TimestampTz, (object?)alarm.AcknowledgedAt?.ToUniversalTime() ?? DBNull.Value);
        p.AddWithValue("ackComment", NpgsqlDbType.Text, (object?)alarm.AcknowledgeComment ?? DBNull.Value);
        p.AddWithValue("ackName", NpgsqlDbType.Text, (object?)alarm.AcknowledgedByName ?? DBNull.Value);
        p.AddWithValue("cleared", NpgsqlDbType.TimestampTz, (object?)alarm.ClearedAt?.ToUniversalTime() ?? DBNull.Value);
        p.AddWithValue("messageKey", NpgsqlDbType.Text, (object?)alarm.MessageKey ?? DBNull.Value);
        p.AddWithValue("messageArgs", NpgsqlDbType.Jsonb, alarm.MessageArguments is { } args ? JsonSerializer.Serialize(args) : DBNull.Value);
    }

    private async Task<IReadOnlyList<Alarm>> QueryAsync(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = database.DataSource.CreateCommand(sql);
        await using (command.ConfigureAwait(false))
        {
            bind(command.Parameters);
            var alarms = new List<Alarm>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    alarms.Add(ReadAlarm(reader));
                }
            }

            return alarms;
        }
    }

    private static Alarm ReadAlarm(NpgsqlDataReader reader) =>
        new(
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetString(2),
            Enum.Parse<AlarmSeverity>(reader.GetString(3)),
            reader.GetString(4),
            reader.GetFieldValue<DateTimeOffset>(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
            reader.IsDBNull(10) ? null : reader.GetString(10),
            reader.IsDBNull(11) ? null : JsonSerializer.Deserialize<string[]>(reader.GetString(11)))
        {
            AcknowledgedByName = reader.IsDBNull(12) ? null : reader.GetString(12),
        };

    private static AlarmEvent ReadEvent(NpgsqlDataReader reader, int at) =>
        new(
            reader.GetGuid(at),
            reader.GetString(at + 1),
            reader.GetString(at + 2),
            Enum.Parse<AlarmEventKind>(reader.GetString(at + 3)),
            Enum.Parse<AlarmSeverity>(reader.GetString(at + 4)),
            reader.GetString(at + 5),
            reader.GetFieldValue<DateTimeOffset>(at + 6),
            reader.IsDBNull(at + 7) ? null : reader.GetString(at + 7));
}
