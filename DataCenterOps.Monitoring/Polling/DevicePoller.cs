using System.Collections.Concurrent;
using System.Threading.Channels;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Profiles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Polling;

/// <summary>
/// Polls every configured device at its own interval, each on its own loop so that a slow or dead device never
/// delays another; at most <see cref="MonitoringOptions.MaxConcurrentPolls"/> polls are in flight at once (unset: sized
/// to the fleet by <see cref="PollSlots"/>, growing as devices are added). Devices that start together (at start, or a
/// batch added at once) have their first polls spread over their interval (<see cref="PollSlots.FirstPollDelay"/>), so a
/// large fleet's polls are due evenly, not all in the same instant.
/// A poll that fails or overruns its deadline is a missed poll; enough of them in a row make the device
/// communication-lost until it answers again. A poll answered without a usable value for any of the profile's key
/// points (<see cref="DeviceProfile.KeyPoints"/>: all not available, wrong types) counts as a poll without valid
/// data; as many in a row make the device "no valid data" (<see cref="DeviceStatus.IsNoValidData"/>).
/// <see cref="PollRequests"/> asks for an extra poll of one device (after a trap) between its regular ones, which
/// keep their cadence; extra polls of a device are at least <see cref="MinimumExtraPollGap"/> apart.
/// Devices come from the <see cref="DeviceCatalog"/>: after a change signal of an <see cref="IAdditionalDeviceSource"/>
/// the catalog is reloaded, new devices get a loop and removed ones have theirs stopped, their live state dropped
/// and their open alarms cleared — without a restart.
/// With many nodes, every device has a loop on every poller node but is polled only by the node that holds its lease
/// (<see cref="IDeviceLeases"/>); its readings carry the lease's epoch, so a write made after losing the lease is refused.
/// </summary>
public sealed partial class DevicePoller(
    IOptions<MonitoringOptions> options,
    DeviceCatalog devices,
    AlarmService alarms,
    IEnumerable<IDeviceReader> readers,
    ProfileCatalog catalog,
    LiveStateStore liveState,
    HistoryWriter history,
    PollRequests pollRequests,
    IDeviceLeases leases,
    TimeProvider time,
    ILogger<DevicePoller> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, HashSet<string>> _keyPoints = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var byProtocol = readers.ToDictionary(r => r.Protocol);
        var limit = settings.MaxConcurrentPolls ?? PollSlots.For(devices.All);
        using var slots = new SemaphoreSlim(limit);
        LogSlots(logger, devices.All.Count, limit, settings.MaxConcurrentPolls is null ? "fitted to the fleet" : "Monitoring:MaxConcurrentPolls");
        var loops = new Dictionary<string, (CancellationTokenSource Stop, Task Loop)>(StringComparer.Ordinal);
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var subscription = devices.OnSourcesChanged(() => changed.Writer.TryWrite(true));
        changed.Writer.TryWrite(true); // the first load of the additional devices

        void Start(DeviceOptions device, int index, int count)
        {
            liveState.Add(device);
            pollRequests.Add(device.Id);
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var firstPoll = PollSlots.FirstPollDelay(index, count, device.Interval);
            var loop = Task.Run(() => RunDeviceAsync(device, byProtocol.GetValueOrDefault(device.Protocol), slots, settings, firstPoll, stop.Token), CancellationToken.None);
            loops[device.Id] = (stop, loop);
        }

        void Grow()
        {
            // Slots only grow while running (a removed device's share is given back at the next start).
            if (settings.MaxConcurrentPolls is null && PollSlots.For(devices.All) is var wanted && wanted > limit)
            {
                slots.Release(wanted - limit);
                limit = wanted;
                LogSlots(logger, devices.All.Count, limit, "fitted to the fleet");
            }
        }

        var initial = devices.All;
        for (var i = 0; i < initial.Count; i++)
        {
            Start(initial[i], i, initial.Count);
        }

        try
        {
            while (await changed.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                changed.Reader.TryRead(out _);
                DeviceCatalogChange change;
                try
                {
                    change = await devices.RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // A source that cannot be read (database busy) leaves the running devices as they are.
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    LogRefreshFailed(logger, ex.GetType().Name, ex.Message);
                    continue;
                }

                foreach (var id in change.Removed)
                {
                    if (loops.Remove(id, out var running))
                    {
                        await running.Stop.CancelAsync().ConfigureAwait(false);
                        await running.Loop.ConfigureAwait(false);
                        running.Stop.Dispose();
                    }

                    liveState.Remove(id);
                    pollRequests.Remove(id);
                    _keyPoints.TryRemove(id, out _);
                    alarms.Apply(id, [], complete: true);
                    LogDeviceRemoved(logger, id);
                }

                Grow();
                for (var i = 0; i < change.Added.Count; i++)
                {
                    Start(change.Added[i], i, change.Added.Count);
                    LogDeviceAdded(logger, change.Added[i].Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await Task.WhenAll(loops.Values.Select(l => l.Loop)).ConfigureAwait(false);
            foreach (var (stop, _) in loops.Values)
            {
                stop.Dispose();
            }
        }
    }

    /// <summary>Shortest time between the start of one poll of a device and an extra (requested) poll of it.</summary>
    public static readonly TimeSpan MinimumExtraPollGap = TimeSpan.FromMilliseconds(250);

    private async Task RunDeviceAsync(
        DeviceOptions device, IDeviceReader? reader, SemaphoreSlim slots, MonitoringOptions settings, TimeSpan firstPoll, CancellationToken stoppingToken)
    {
        var requests = pollRequests.ReaderFor(device.Id);
        Task<bool>? tick = null;
        Task<bool>? request = null;
        try
        {
            if (firstPoll > TimeSpan.Zero)
            {
                await Task.Delay(firstPoll, time, stoppingToken).ConfigureAwait(false);
            }

            // Made after the first delay, so the device keeps the phase it was given.
            using var timer = new PeriodicTimer(device.Interval, time);
            while (true)
            {
                var started = time.GetTimestamp();
                await PollOnceAsync(device, reader, slots, settings, stoppingToken).ConfigureAwait(false);

                // Wait for the regular tick or a request; both waits survive across rounds so none is ever abandoned.
                tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
                request ??= requests.WaitToReadAsync(stoppingToken).AsTask();
                if (await Task.WhenAny(tick, request).ConfigureAwait(false) == tick)
                {
                    if (!await tick.ConfigureAwait(false))
                    {
                        return;
                    }

                    tick = null;
                    continue;
                }

                if (!await request.ConfigureAwait(false))
                {
                    return;
                }

                request = null;
                requests.TryRead(out _);
                var wait = MinimumExtraPollGap - time.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PollOnceAsync(DeviceOptions device, IDeviceReader? reader, SemaphoreSlim slots, MonitoringOptions settings, CancellationToken stoppingToken)
    {
        if (leases.CurrentEpoch(device.Id) is not { } epoch)
        {
            return; // Another node holds this device's lease (or nobody yet): not ours to poll.
        }

        var started = time.GetTimestamp();
        IReadOnlyList<PointReading>? readings = null;
        string? error;
        await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
        try
        {
            if (reader is null)
            {
                error = $"No reader for protocol {device.Protocol}";
            }
            else
            {
                using var overrun = new CancellationTokenSource(Deadline(device), time);
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, overrun.Token);
                var result = await reader.ReadAsync(device, deadline.Token).ConfigureAwait(false);
                readings = ComputedPoints.Add(device.Kind, result.Points);
                error = null;
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            error = "Timed out";
        }
#pragma warning disable CA1031 // Any failure of one device's poll is a missed poll, never a crash of the poller.
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            slots.Release();
        }

        var now = time.GetUtcNow();
        var duration = time.GetElapsedTime(started);
        if (readings is null)
        {
            var wasLost = liveState.GetDevice(device.Id)?.Status.IsCommLost ?? false;
            liveState.ApplyMiss(device.Id, now, duration, error ?? "Failed", settings.MissedPollsForCommLost);
            if (!wasLost && liveState.GetDevice(device.Id)?.Status.IsCommLost == true)
            {
                LogCommLost(logger, device.Id, error ?? "Failed");
            }

            return;
        }

        var before = liveState.GetDevice(device.Id)?.Status;
        var valid = HasValidData(device, readings);
        liveState.ApplySuccess(device.Id, readings, now, duration, valid, settings.MissedPollsForCommLost);
        var after = liveState.GetDevice(device.Id)?.Status;
        if (before?.IsCommLost == true || (before?.IsNoValidData == true && after?.IsNoValidData == false))
        {
            LogRecovered(logger, device.Id);
        }
        else if (before?.IsNoValidData != true && after?.IsNoValidData == true)
        {
            LogNoValidData(logger, device.Id, after.PollsWithoutValidData);
        }

        foreach (var reading in readings)
        {
            if (reading is { Quality: PointQuality.Good, Value: { } value } && double.IsFinite(value))
            {
                await history.WriteAsync(new Reading(device.Id, reading.Point, now, value, reading.Unit, epoch), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether at least one key point of the device's profile came back with a usable (good, finite) value.</summary>
    private bool HasValidData(DeviceOptions device, IReadOnlyList<PointReading> readings)
    {
        var keys = _keyPoints.GetOrAdd(device.Id, _ => catalog.TryGet(device.Profile, out var profile)
            ? profile.KeyPoints.Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : []);
        foreach (var reading in readings)
        {
            if (reading is { Quality: PointQuality.Good, Value: { } value } && double.IsFinite(value) && (keys.Count == 0 || keys.Contains(reading.Point)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A poll must end within its interval, but always gets room for its own request timeouts.</summary>
    private static TimeSpan Deadline(DeviceOptions device)
    {
        var requests = device.RequestTimeout * (device.Retries + 1);
        return device.Interval > requests ? device.Interval : requests;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {DeviceId} is communication-lost: {Error}")]
    private static partial void LogCommLost(ILogger logger, string deviceId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {DeviceId} answers but gives no valid data ({Polls} polls without a usable key point)")]
    private static partial void LogNoValidData(ILogger logger, string deviceId, int polls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {DeviceId} added: polling it")]
    private static partial void LogDeviceAdded(ILogger logger, string deviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {DeviceId} removed: polling stopped")]
    private static partial void LogDeviceRemoved(ILogger logger, string deviceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Additional devices could not be loaded ({Error}: {Message}); the running devices stay as they are")]
    private static partial void LogRefreshFailed(ILogger logger, string error, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling {Devices} devices with up to {Slots} polls in flight ({Source})")]
    private static partial void LogSlots(ILogger logger, int devices, int slots, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {DeviceId} answers again")]
    private static partial void LogRecovered(ILogger logger, string deviceId);
}
