using System.Text.Json;
using DataCenterOps.Monitoring.History;
using Microsoft.Data.Sqlite;

namespace DataCenterOps.Monitoring.Alarms;

/// <summary>The alarms and alarm_events tables of monitoring.db (one node: every change takes effect).</summary>
internal sealed class AlarmStore(MonitoringDatabase database) : IAlarmStore
{
    /// <summary>Writes the alarm as it now is and its event row, in one transaction; always true (this node is the only writer).</summary>
    public async Task<bool> SaveAsync(Alarm alarm, AlarmEvent alarmEvent, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // The audit trail is evidence: every commit synced (a pooled connection may carry the ingest's NORMAL).
            var pragma = connection.CreateCommand();
            await using (pragma.ConfigureAwait(false))
            {
                pragma.CommandText = "PRAGMA synchronous = FULL";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var upsert = connection.CreateCommand();
                await using (upsert.ConfigureAwait(false))
                {
                    upsert.Transaction = transaction;
                    upsert.CommandText = """
                        INSERT INTO alarms (id, device_id, alarm_key, severity, message, raised_at, acknowledged_by, acknowledged_at, ack_comment, cleared_at, message_key, message_args, ack_name)
                        VALUES ($id, $device, $key, $severity, $message, $raised, $ackBy, $ackAt, $ackComment, $cleared, $messageKey, $messageArgs, $ackName)
                        ON CONFLICT (id) DO UPDATE SET severity = excluded.severity, message = excluded.message,
                            message_key = excluded.message_key, message_args = excluded.message_args,
                            acknowledged_by = excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at,
                            ack_comment = excluded.ack_comment, ack_name = excluded.ack_name, cleared_at = excluded.cleared_at
                        """;
                    upsert.Parameters.AddWithValue("$id", alarm.Id.ToString());
                    upsert.Parameters.AddWithValue("$device", alarm.DeviceId);
                    upsert.Parameters.AddWithValue("$key", alarm.Key);
                    upsert.Parameters.AddWithValue("$severity", alarm.Severity.ToString());
                    upsert.Parameters.AddWithValue("$message", alarm.Message);
                    upsert.Parameters.AddWithValue("$raised", alarm.RaisedAt.ToUnixTimeMilliseconds());
                    upsert.Parameters.AddWithValue("$ackBy", (object?)alarm.AcknowledgedBy ?? DBNull.Value);
                    upsert.Parameters.AddWithValue("$ackAt", (object?)alarm.AcknowledgedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
                    upsert.Parameters.AddWithValue("$ackComment", (object?)alarm.AcknowledgeComment ?? DBNull.Value);
                    upsert.Parameters.AddWithValue("$ackName", (object?)alarm.AcknowledgedByName ?? DBNull.Value);
                    upsert.Parameters.AddWithValue("$cleared", (object?)alarm.ClearedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
                    upsert.Parameters.AddWithValue("$messageKey", (object?)alarm.MessageKey ?? DBNull.Value);
                    upsert.Parameters.AddWithValue("$messageArgs", alarm.MessageArguments is { } args ? JsonSerializer.Serialize(args) : DBNull.Value);
                    await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var insert = connection.CreateCommand();
                await using (insert.ConfigureAwait(false))
                {
                    insert.Transaction = transaction;
                    insert.CommandText = """
                        INSERT INTO alarm_events (alarm_id, device_id, alarm_key, event, severity, actor, at_utc, comment)
                        VALUES ($id, $device, $key, $event, $severity, $actor, $at, $comment)
                        """;
                    insert.Parameters.AddWithValue("$id", alarmEvent.AlarmId.ToString());
                    insert.Parameters.AddWithValue("$device", alarmEvent.DeviceId);
                    insert.Parameters.AddWithValue("$key", alarmEvent.Key);
                    insert.Parameters.AddWithValue("$event", alarmEvent.Kind.ToString());
                    insert.Parameters.AddWithValue("$severity", alarmEvent.Severity.ToString());
                    insert.Parameters.AddWithValue("$actor", alarmEvent.Actor);
                    insert.Parameters.AddWithValue("$at", alarmEvent.At.ToUnixTimeMilliseconds());
                    insert.Parameters.AddWithValue("$comment", (object?)alarmEvent.Comment ?? DBNull.Value);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return true;
    }

    public Task<IReadOnlyList<Alarm>> LoadOpenAsync(CancellationToken cancellationToken) =>
        QueryAsync("WHERE cleared_at IS NULL ORDER BY raised_at", _ => { }, cancellationToken);

    public Task<IReadOnlyList<Alarm>> LoadHistoryAsync(AlarmHistoryFilter filter, CancellationToken cancellationToken) =>
        QueryAsync(
            """
            WHERE ($device IS NULL OR device_id = $device) AND ($key IS NULL OR alarm_key = $key)
              AND ($from IS NULL OR raised_at >= $from) AND ($to IS NULL OR raised_at < $to)
              AND ($devices IS NULL OR device_id IN (SELECT value FROM json_each($devices)))
              AND ($except IS NULL OR device_id NOT IN (SELECT value FROM json_each($except)))
            ORDER BY raised_at DESC LIMIT $limit
            """,
            p =>
            {
                p.AddWithValue("$device", (object?)filter.DeviceId ?? DBNull.Value);
                p.AddWithValue("$key", (object?)filter.Key ?? DBNull.Value);
                p.AddWithValue("$from", (object?)filter.From?.ToUnixTimeMilliseconds() ?? DBNull.Value);
                p.AddWithValue("$to", (object?)filter.To?.ToUnixTimeMilliseconds() ?? DBNull.Value);
                p.AddWithValue("$limit", Math.Clamp(filter.Limit, 1, 10_000));
                p.AddWithValue("$devices", filter.DeviceIds is { } ids ? JsonSerializer.Serialize(ids) : DBNull.Value);
                p.AddWithValue("$except", filter.ExceptDeviceIds is { } except ? JsonSerializer.Serialize(except) : DBNull.Value);
            },
            cancellationToken);

    /// <summary>Every event of one alarm, oldest first (the audit trail).</summary>
    public async Task<IReadOnlyList<AlarmEvent>> LoadEventsAsync(Guid alarmId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "SELECT alarm_id, device_id, alarm_key, event, severity, actor, at_utc, comment FROM alarm_events WHERE alarm_id = $id ORDER BY seq";
                command.Parameters.AddWithValue("$id", alarmId.ToString());
                var events = new List<AlarmEvent>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        events.Add(new AlarmEvent(
                            Guid.Parse(reader.GetString(0)),
                            reader.GetString(1),
                            reader.GetString(2),
                            Enum.Parse<AlarmEventKind>(reader.GetString(3)),
                            Enum.Parse<AlarmSeverity>(reader.GetString(4)),
                            reader.GetString(5),
                            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                            reader.IsDBNull(7) ? null : reader.GetString(7)));
                    }
                }

                return events;
            }
        }
    }

    private async Task<IReadOnlyList<Alarm>> QueryAsync(string where, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "SELECT id, device_id, alarm_key, severity, message, raised_at, acknowledged_by, acknowledged_at, ack_comment, cleared_at, message_key, message_args, ack_name FROM alarms " + where;
                bind(command.Parameters);
                var alarms = new List<Alarm>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        alarms.Add(new Alarm(
                            Guid.Parse(reader.GetString(0)),
                            reader.GetString(1),
                            reader.GetString(2),
                            Enum.Parse<AlarmSeverity>(reader.GetString(3)),
                            reader.GetString(4),
                            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                            reader.IsDBNull(6) ? null : reader.GetString(6),
                            reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                            reader.IsDBNull(8) ? null : reader.GetString(8),
                            reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                            reader.IsDBNull(10) ? null : reader.GetString(10),
                            reader.IsDBNull(11) ? null : JsonSerializer.Deserialize<string[]>(reader.GetString(11)))
                        {
                            AcknowledgedByName = reader.IsDBNull(12) ? null : reader.GetString(12),
                        });
                    }
                }

                return alarms;
            }
        }
    }
}
