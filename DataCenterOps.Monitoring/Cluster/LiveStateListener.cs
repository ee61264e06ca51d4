using System.Collections.Concurrent;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>
/// On a shared database, hears the other nodes: <c>LISTEN</c> on <see cref="LiveStateSchema.Channel"/> and
/// <see cref="PostgreSqlAlarmSchema.Channel"/> over one dedicated connection (<c>NpgsqlConnection.WaitAsync</c>), loads
/// each announced row and applies it to this node's <see cref="LiveStateStore"/> and <see cref="AlarmService"/>, so
/// dashboards, <c>/metrics</c> and the alarm list show every device whoever polls it. Its own node's notifications
/// are skipped. After a lost connection it reconnects with backoff (0.5 s doubling to 30 s) and reloads everything,
/// since notifications sent meanwhile are lost.
/// </summary>
internal sealed partial class LiveStateListener(
    LiveStateStore liveState,
    AlarmService alarms,
    IAlarmStore alarmStore,
    SharedDatabase database,
    IOptions<MonitoringOptions> options,
    IOptions<NodeOptions> node,
    TimeProvider time,
    ILogger<LiveStateListener> logger) : BackgroundService
{
    private static readonly TimeSpan MinDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private string Me => node.Value.Name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsConfigured || alarmStore is not PostgreSqlAlarmStore sharedAlarms)
        {
            return;
        }

        var delay = MinDelay;
        var connected = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(sharedAlarms, () =>
                {
                    delay = MinDelay;
                    if (connected)
                    {
                        LogReconnected(logger);
                    }

                    connected = true;
                }, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure (database gone, a bad row) ends in reconnect and a full reload.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogListenFailed(logger, delay.TotalMilliseconds, ex.GetType().Name, ex.Message);
                try
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, MaxDelay.TotalMilliseconds));
            }
        }
    }

    private async Task ListenAsync(PostgreSqlAlarmStore sharedAlarms, Action onListening, CancellationToken stoppingToken)
    {
        // Its own connection, outside the pool, with TCP keepalives so a dead server is noticed while waiting.
        var builder = new NpgsqlConnectionStringBuilder(options.Value.PostgreSqlConnectionString) { Pooling = false, KeepAlive = 10, Enlist = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            var heard = new ConcurrentQueue<(string Channel, string Payload)>();
            connection.Notification += (_, e) => heard.Enqueue((e.Channel, e.Payload));
            await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
            await LiveStateSchema.EnsureAsync(database.DataSource, stoppingToken).ConfigureAwait(false);
            await sharedAlarms.EnsureSchemaAsync(stoppingToken).ConfigureAwait(false);
            var listen = new NpgsqlCommand($"LISTEN {LiveStateSchema.Channel}; LISTEN {PostgreSqlAlarmSchema.Channel}", connection);
            await using (listen.ConfigureAwait(false))
            {
                await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
            }

            // Listening first, then reading everything: a change made in between is both read and heard (applying twice is harmless).
            await ReloadAsync(stoppingToken).ConfigureAwait(false);
            onListening();
            LogListening(logger, Me);
            while (true)
            {
                await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                while (heard.TryDequeue(out var notification))
                {
                    await HandleAsync(sharedAlarms, notification.Channel, notification.Payload, stoppingToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task HandleAsync(PostgreSqlAlarmStore sharedAlarms, string channel, string payload, CancellationToken cancellationToken)
    {
        if (channel == PostgreSqlAlarmSchema.Channel)
        {
            if (!PostgreSqlAlarmStore.TryParsePayload(payload, out var seq, out var from))
            {
                await alarms.ReloadAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (from != Me && await sharedAlarms.LoadChangeAsync(seq, cancellationToken).ConfigureAwait(false) is { } change)
            {
                alarms.ApplyRemote(change);
            }

            return;
        }

        if (LiveStateNotice.TryParse(payload) is not { } notice)
        {
            await ReloadLiveStateAsync(null, cancellationToken).ConfigureAwait(false);
        }
        else if (notice.N != Me)
        {
            await ReloadLiveStateAsync(notice.D, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await ReloadLiveStateAsync(null, cancellationToken).ConfigureAwait(false);
        await alarms.ReloadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the rows other nodes wrote: one device's, or (null) every one.</summary>
    private async Task ReloadLiveStateAsync(string? deviceId, CancellationToken cancellationToken)
    {
        var command = database.DataSource.CreateCommand(
            "SELECT device_id, snapshot::text FROM monitoring.live_state WHERE origin_node <> $1 AND ($2::text IS NULL OR device_id = $2)");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Me });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)deviceId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var id = reader.GetString(0);
                    if (LiveStateRecord.Parse(reader.GetString(1)) is { } record)
                    {
                        liveState.ApplyReplica(record.Describe(id), record.Status, record.Points);
                    }
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} hears the other nodes' live state and alarms")]
    private static partial void LogListening(ILogger logger, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening to the other nodes again; live state and alarms reloaded")]
    private static partial void LogReconnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not hearing the other nodes ({Error}: {Reason}); reconnecting in {DelayMs} ms")]
    private static partial void LogListenFailed(ILogger logger, double delayMs, string error, string reason);
}
