using System.Collections.Concurrent;
using System.Data.Common;
using System.Threading.Channels;
using DataCenterOps.Monitoring.LiveState;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>
/// On a shared database, writes the snapshot of every device this node polled to <c>monitoring.live_state</c> (upsert,
/// never over a newer row) and announces it with <c>NOTIFY</c> in the same statement, so every other node can show it.
/// Polls only mark a device dirty; one loop writes the latest snapshot of each dirty device, so a slow database
/// never slows the poller and a backlog shrinks to one row per device. Replicas (other nodes' states) are not echoed.
/// </summary>
internal sealed partial class LiveStatePublisher(
    LiveStateStore liveState,
    SharedDatabase database,
    IOptions<NodeOptions> node,
    TimeProvider time,
    ILogger<LiveStatePublisher> logger) : BackgroundService
{
    private const string UpsertSql = """
        WITH up AS (
            INSERT INTO monitoring.live_state (device_id, snapshot, origin_node, updated_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (device_id) DO UPDATE SET snapshot = excluded.snapshot, origin_node = excluded.origin_node, updated_at = excluded.updated_at
            WHERE monitoring.live_state.updated_at <= excluded.updated_at
            RETURNING device_id)
        SELECT pg_notify($5, $6) FROM up
        """;

    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private IDisposable? _subscription;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.IsConfigured)
        {
            _subscription = liveState.Subscribe(OnChange);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsConfigured)
        {
            return;
        }

        var delay = TimeSpan.FromMilliseconds(500);
        try
        {
            while (true)
            {
                try
                {
                    await LiveStateSchema.EnsureAsync(database.DataSource, stoppingToken).ConfigureAwait(false);
                    break;
                }
                catch (DbException ex)
                {
                    LogWriteFailed(logger, delay.TotalMilliseconds, ex);
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                    delay = Next(delay);
                }
            }

            while (await _signal.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                _signal.Reader.TryRead(out _);
                var ids = _dirty.Keys.ToList();
                foreach (var id in ids)
                {
                    _dirty.TryRemove(id, out _);
                }

                try
                {
                    await WriteAsync(ids, stoppingToken).ConfigureAwait(false);
                    delay = TimeSpan.FromMilliseconds(500);
                }
                catch (DbException ex)
                {
                    // Kept dirty: the next round writes their then-latest snapshots.
                    foreach (var id in ids)
                    {
                        _dirty.TryAdd(id, 0);
                    }

                    LogWriteFailed(logger, delay.TotalMilliseconds, ex);
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                    delay = Next(delay);
                    _signal.Writer.TryWrite(true);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static TimeSpan Next(TimeSpan delay) => TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 30_000));

    private void OnChange(LiveStateChange change)
    {
        if (change.IsReplica)
        {
            return;
        }

        _dirty.TryAdd(change.Device.DeviceId, 0);
        _signal.Writer.TryWrite(true);
    }

    private async Task WriteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var name = node.Value.Name;
        var batch = database.DataSource.CreateBatch();
        await using (batch.ConfigureAwait(false))
        {
            foreach (var id in ids)
            {
                if (liveState.GetDevice(id) is not { } snapshot)
                {
                    continue; // removed meanwhile
                }

                var command = new NpgsqlBatchCommand(UpsertSql);
                command.Parameters.Add(new NpgsqlParameter { Value = id });
                command.Parameters.Add(new NpgsqlParameter { Value = LiveStateRecord.From(snapshot).ToJson(), NpgsqlDbType = NpgsqlDbType.Jsonb });
                command.Parameters.Add(new NpgsqlParameter { Value = name });
                command.Parameters.Add(new NpgsqlParameter { Value = (snapshot.Status.LastPoll ?? time.GetUtcNow()).ToUniversalTime() });
                command.Parameters.Add(new NpgsqlParameter { Value = LiveStateSchema.Channel });
                command.Parameters.Add(new NpgsqlParameter { Value = LiveStateNotice.Payload(name, id) });
                batch.BatchCommands.Add(command);
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing live state to the shared database failed; retrying in {DelayMs} ms")]
    private static partial void LogWriteFailed(ILogger logger, double delayMs, Exception exception);
}
