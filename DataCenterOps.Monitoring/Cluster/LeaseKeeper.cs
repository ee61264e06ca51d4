using System.Collections.Concurrent;
using DataCenterOps.Monitoring.Devices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Cluster;

/// <summary>
/// Keeps this poller node's device leases in the shared PostgreSQL database, every third of <c>Monitoring:LeaseSeconds</c>:
/// heartbeat, renew what it holds, give back what is above its fair share (devices ÷ live nodes of the pool, rounded up),
/// claim unowned or expired devices up to it. A lease counts here only until its local deadline (the monotonic clock
/// at the renewal plus one lease), so a node that was paused stops polling on waking even before it learns it lost
/// the lease, and its writes carry the old epoch, which the database then refuses (<see cref="LeaseGuard"/>).
/// On a graceful stop it releases every lease. Only runs when <see cref="SharedDatabase.IsConfigured"/>.
/// </summary>
public sealed partial class LeaseKeeper(
    SharedDatabase shared,
    DeviceCatalog devices,
    IOptions<MonitoringOptions> options,
    IOptions<NodeOptions> node,
    TimeProvider time,
    ILogger<LeaseKeeper> logger) : BackgroundService, IDeviceLeases
{
    private readonly ConcurrentDictionary<string, (HeldLease Lease, long ValidUntil)> _held = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _cycle = new(1, 1);
    private LeaseTable? _table;
    private long _registered = -1;

    public string NodeName => node.Value.Name;

    public long? CurrentEpoch(string deviceId) =>
        _held.TryGetValue(deviceId, out var held) && time.GetTimestamp() < held.ValidUntil ? held.Lease.Epoch : null;

    public Task<bool> IsCurrentAsync(string deviceId, long epoch, CancellationToken cancellationToken) =>
        Table().IsCurrentAsync(deviceId, epoch, cancellationToken);

    public Task<IReadOnlyList<NodeDeviceCount>> CountsAsync(CancellationToken cancellationToken) =>
        LeaseTable.CountsAsync(shared.DataSource, cancellationToken);

    /// <summary>The devices this node holds now, in id order.</summary>
    public IReadOnlyList<string> HeldDevices() => [.. _held.Keys.Where(id => CurrentEpoch(id) is not null).Order(StringComparer.Ordinal)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!shared.IsConfigured)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Lease / 3, time);
        do
        {
            try
            {
                await CycleAsync(stoppingToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The database away for a moment: keep the leases the local deadline still allows, try again next round.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogCycleFailed(logger, ex.GetType().Name, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (shared.IsConfigured && _table is not null)
        {
            await ReleaseAllAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One round: heartbeat, renew, shed above the fair share, claim up to it.</summary>
    internal async Task CycleAsync(CancellationToken cancellationToken)
    {
        await _cycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var table = Table();
            if (_registered < 0)
            {
                await LeaseSchema.EnsureAsync(shared.DataSource, cancellationToken).ConfigureAwait(false);
            }

            var started = time.GetTimestamp();
            await table.HeartbeatAsync(cancellationToken).ConfigureAwait(false);
            var catalog = devices.All;
            if (devices.Version != _registered)
            {
                var version = devices.Version;
                await table.RegisterAsync(catalog, cancellationToken).ConfigureAwait(false);
                _registered = version;
            }

            var known = catalog.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var gone = _held.Values.Select(h => h.Lease).Where(l => !known.Contains(l.DeviceId)).ToList();
            Forget(gone);
            await table.ReleaseAsync(gone, cancellationToken).ConfigureAwait(false);

            var renewed = await table.RenewAsync([.. _held.Values.Select(h => h.Lease)], cancellationToken).ConfigureAwait(false);
            foreach (var lost in _held.Keys.Except(renewed.Select(r => r.DeviceId), StringComparer.Ordinal).ToList())
            {
                _held.TryRemove(lost, out _);
                LogLost(logger, lost);
            }

            Hold(renewed, started);
            foreach (var (pool, (count, nodes)) in await table.PoolSizesAsync(cancellationToken).ConfigureAwait(false))
            {
                var share = (count + Math.Max(nodes, 1) - 1) / Math.Max(nodes, 1);
                var mine = _held.Values.Select(h => h.Lease).Where(l => l.Group == pool).OrderBy(l => l.DeviceId, StringComparer.Ordinal).ToList();
                if (mine.Count > share)
                {
                    var excess = mine[share..];
                    Forget(excess);
                    await table.ReleaseAsync(excess, cancellationToken).ConfigureAwait(false);
                }
                else if (mine.Count < share)
                {
                    var claimed = await table.ClaimAsync(pool, [.. known], [.. _held.Keys], share - mine.Count, cancellationToken).ConfigureAwait(false);
                    Hold(claimed, started);
                    foreach (var lease in claimed)
                    {
                        LogClaimed(logger, lease.DeviceId, lease.Epoch);
                    }
                }
            }
        }
        finally
        {
            _cycle.Release();
        }
    }

    /// <summary>Gives every lease back and ends the heartbeat (graceful stop).</summary>
    internal async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        var all = _held.Values.Select(h => h.Lease).ToList();
        Forget(all);
        try
        {
            await Table().ReleaseAsync(all, cancellationToken).ConfigureAwait(false);
            await Table().LeaveAsync(cancellationToken).ConfigureAwait(false);
            LogReleased(logger, all.Count);
        }
#pragma warning disable CA1031 // Stopping with the database gone: the leases simply run out.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogCycleFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    private void Hold(IEnumerable<HeldLease> leases, long started)
    {
        var validUntil = started + (long)(options.Value.Lease.TotalSeconds * time.TimestampFrequency);
        foreach (var lease in leases)
        {
            _held[lease.DeviceId] = (lease, validUntil);
        }
    }

    private void Forget(IEnumerable<HeldLease> leases)
    {
        foreach (var lease in leases)
        {
            _held.TryRemove(lease.DeviceId, out _);
        }
    }

    private LeaseTable Table() => _table ??= new LeaseTable(shared.DataSource, node.Value.Name, options.Value.PollerGroup ?? "", options.Value.Lease);

    public override void Dispose()
    {
        _cycle.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease on device {DeviceId} taken (epoch {Epoch}): polling it")]
    private static partial void LogClaimed(ILogger logger, string deviceId, long epoch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease on device {DeviceId} lost (another node holds it now): not polling it")]
    private static partial void LogLost(ILogger logger, string deviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: {Count} device leases released")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease round failed ({Error}: {Message}); leases held stay valid until their local deadline, next round retries")]
    private static partial void LogCycleFailed(ILogger logger, string error, string message);
}
