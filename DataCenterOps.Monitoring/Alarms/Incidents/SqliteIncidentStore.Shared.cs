using Microsoft.Data.Sqlite;

namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>The open incidents as every restart continues them: one per rule and site, closed when all its alarms cleared, each notice claimed once.</summary>
internal sealed partial class SqliteIncidentStore
{
    private const string SharedColumns = """
        i.id, i.rule, i.site, i.opened_at, i.closed_at, i.notified_opened,
        (SELECT group_concat(alarm_id, ',') FROM (SELECT ia.alarm_id FROM incident_alarms ia WHERE ia.incident_id = i.id ORDER BY ia.position, ia.alarm_id))
        """;

    public async Task<SharedIncident?> FindOpenAsync(string rule, string site, CancellationToken cancellationToken) =>
        (await QuerySharedAsync("i.rule = $rule AND i.site = $site AND i.closed_at IS NULL", p =>
        {
            p.AddWithValue("$rule", rule);
            p.AddWithValue("$site", site);
        }, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public async Task<SharedIncident> OpenOrJoinAsync(Incident candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var insert = connection.CreateCommand();
            await using (insert.ConfigureAwait(false))
            {
                insert.CommandText = """
                    INSERT INTO incidents (id, rule, category, opened_at, closed_at, severity, site) VALUES ($id, $rule, $category, $opened, NULL, $severity, $site)
                    ON CONFLICT (rule, site) WHERE closed_at IS NULL DO NOTHING
                    """;
                insert.Parameters.AddWithValue("$id", candidate.Id.ToString());
                insert.Parameters.AddWithValue("$rule", candidate.Rule);
                insert.Parameters.AddWithValue("$category", candidate.Category);
                insert.Parameters.AddWithValue("$opened", candidate.OpenedAt.ToUnixTimeMilliseconds());
                insert.Parameters.AddWithValue("$severity", candidate.Severity.ToString());
                insert.Parameters.AddWithValue("$site", candidate.Site);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return await FindOpenAsync(candidate.Rule, candidate.Site, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Incident {candidate.Rule} at '{candidate.Site}' was opened and closed at once.");
    }

    public async Task<SharedIncident?> FindSharedAsync(Guid id, CancellationToken cancellationToken) =>
        (await QuerySharedAsync("i.id = $id", p => p.AddWithValue("$id", id.ToString()), cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public Task<IReadOnlyList<SharedIncident>> LoadOpenAsync(CancellationToken cancellationToken) =>
        QuerySharedAsync("i.closed_at IS NULL", _ => { }, cancellationToken);

    public async Task<bool> ClaimNoticeAsync(Guid id, AlarmNoticeKind kind, CancellationToken cancellationToken)
    {
        var column = PostgreSqlIncidentStore.NoticeColumn(kind);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var claim = connection.CreateCommand();
            await using (claim.ConfigureAwait(false))
            {
                claim.CommandText = $"UPDATE incidents SET {column} = 1 WHERE id = $id AND {column} = 0";
                claim.Parameters.AddWithValue("$id", id.ToString());
                return await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            }
        }
    }

    private static async Task CloseIfAllClearedAsync(SqliteConnection connection, SqliteTransaction transaction, Guid id, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        var close = connection.CreateCommand();
        await using (close.ConfigureAwait(false))
        {
            close.Transaction = transaction;
            close.CommandText = """
                UPDATE incidents SET closed_at = $closed WHERE id = $id AND closed_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM incident_alarms ia JOIN alarms a ON a.id = ia.alarm_id
                                  WHERE ia.incident_id = incidents.id AND a.cleared_at IS NULL)
                """;
            close.Parameters.AddWithValue("$id", id.ToString());
            close.Parameters.AddWithValue("$closed", closedAt.ToUnixTimeMilliseconds());
            await close.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task UpgradeSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = IncidentSchemas.Sqlite;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (table, column, definition) in IncidentSchemas.SqliteAddedColumns)
            {
                command.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
                if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    command.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            command.CommandText = IncidentSchemas.SqliteOneOpen;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<SharedIncident>> QuerySharedAsync(string where, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = $"SELECT {SharedColumns} FROM incidents i WHERE {where} ORDER BY i.opened_at";
                bind(command.Parameters);
                var list = new List<SharedIncident>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        list.Add(new SharedIncident(
                            Guid.Parse(reader.GetString(0)),
                            reader.GetString(1),
                            reader.GetString(2),
                            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                            reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                            reader.GetInt64(5) != 0,
                            reader.IsDBNull(6) ? [] : [.. reader.GetString(6).Split(',').Select(Guid.Parse)]));
                    }
                }

                return list;
            }
        }
    }
}
