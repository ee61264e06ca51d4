using System.Collections.Concurrent;
using System.Threading.Channels;
using DataCenterOps.Monitoring.Devices;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Polling;

/// <summary>
/// Asks <see cref="DevicePoller"/> for an out-of-cycle poll of one device (e.g. after it sent a trap). Requests made
/// while one is pending or a poll is running collapse into one; the device's regular cadence is unchanged.
/// </summary>
public sealed class PollRequests
{
    private readonly ConcurrentDictionary<string, Channel<bool>> _channels;
    private long _requested;

    public PollRequests(IOptions<MonitoringOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _channels = new ConcurrentDictionary<string, Channel<bool>>(options.Value.Devices
            .Select(d => d.Id)
            .Distinct(StringComparer.Ordinal)
            .Select(id => KeyValuePair.Create(id, NewChannel())), StringComparer.Ordinal);
    }

    /// <summary>Out-of-cycle polls asked for since start (collapsed ones included).</summary>
    public long Requested => Interlocked.Read(ref _requested);

    /// <summary>Asks for a poll of <paramref name="deviceId"/> as soon as possible; false when no such device is monitored.</summary>
    public bool Request(string deviceId)
    {
        if (!_channels.TryGetValue(deviceId, out var channel))
        {
            return false;
        }

        Interlocked.Increment(ref _requested);
        channel.Writer.TryWrite(true);
        return true;
    }

    internal ChannelReader<bool> ReaderFor(string deviceId) =>
        _channels.TryGetValue(deviceId, out var channel) ? channel.Reader : Channel.CreateBounded<bool>(1).Reader;

    /// <summary>A device added while running can be asked for polls (no-op when known).</summary>
    internal void Add(string deviceId) => _channels.TryAdd(deviceId, NewChannel());

    /// <summary>A removed device is no longer polled on request.</summary>
    internal void Remove(string deviceId) => _channels.TryRemove(deviceId, out _);

    private static Channel<bool> NewChannel() =>
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
}
