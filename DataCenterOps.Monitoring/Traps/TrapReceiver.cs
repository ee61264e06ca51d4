using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Snmp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// Receives SNMP notifications on UDP (<c>Monitoring:Traps</c>). The socket loop only measures, rate-limits per source
/// and queues (bounded; when full the datagram is dropped and counted), so a flood never reaches the poller. The
/// processing loop hands each datagram to an <see cref="ITrapSecurityProcessor"/>, attributes it to a device, answers
/// informs, and records it: trap log, metrics, alarm history, and an immediate poll of the device.
/// </summary>
public sealed class TrapReceiver(
    IOptions<TrapOptions> options,
    DeviceCatalog devices,
    IEnumerable<ITrapSecurityProcessor> processors,
    TrapLog trapLog,
    TrapStatistics statistics,
    PollRequests polls,
    AlarmService alarms,
    TimeProvider time,
    ILogger<TrapReceiver> logger) : BackgroundService
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);

    private readonly TaskCompletionSource<IPEndPoint?> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITrapSecurityProcessor[] _processors = [.. processors];
    private readonly Dictionary<IPAddress, long> _lastLogged = [];
    private TrapAttribution? _attribution;
    private long _attributionVersion = -1;
    private Socket? _socket;

    /// <summary>The bound endpoint once listening; null when disabled or the port could not be taken.</summary>
    public Task<IPEndPoint?> Listening => _listening.Task;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            TrapReceiverLog.Disabled(logger);
            _listening.TrySetResult(null);
            return;
        }

        var address = IPAddress.Parse(settings.BindAddress);
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, settings.Port));
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            if (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                TrapReceiverLog.PortInUse(logger, settings.Port, settings.BindAddress);
            }
            else
            {
                TrapReceiverLog.CannotListen(logger, settings.BindAddress, settings.Port, ex.SocketErrorCode.ToString());
            }

            // Readable, not fatal: the rest of monitoring runs without traps.
            _listening.TrySetResult(null);
            return;
        }

        _socket = socket;
        var bound = (IPEndPoint)socket.LocalEndPoint!;
        TrapReceiverLog.Listening(logger, bound.ToString());
        _listening.TrySetResult(bound);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        _socket?.Dispose();
    }

    public override void Dispose()
    {
        _socket?.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var queue = Channel.CreateBounded<Datagram>(new BoundedChannelOptions(settings.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var socket = _socket!;
        return Task.WhenAll(
            Task.Run(() => ReceiveLoopAsync(socket, queue.Writer, settings, stoppingToken), stoppingToken),
            Task.Run(() => ProcessLoopAsync(socket, queue.Reader, stoppingToken), stoppingToken));
    }

    private async Task ReceiveLoopAsync(Socket socket, ChannelWriter<Datagram> queue, TrapOptions settings, CancellationToken stoppingToken)
    {
        var buffer = new byte[65536];
        var limiter = new SourceRateLimiter(settings.PerSourceRate, settings.PerSourceBurst, time);
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stoppingToken).ConfigureAwait(false);
                }
                catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    // An ICMP error for an inform response, or a datagram larger than the buffer: nothing to process.
                    statistics.CountDropped(TrapDropReason.Oversized);
                    continue;
                }

                var source = (IPEndPoint)received.RemoteEndPoint;
                if (received.ReceivedBytes > settings.MaxMessageSize)
                {
                    statistics.CountDropped(TrapDropReason.Oversized);
                    continue;
                }

                if (!limiter.TryTake(source.Address))
                {
                    statistics.CountDropped(TrapDropReason.RateLimited);
                    continue;
                }

                if (!queue.TryWrite(new Datagram(buffer.AsSpan(0, received.ReceivedBytes).ToArray(), source)))
                {
                    statistics.CountDropped(TrapDropReason.QueueFull);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (ObjectDisposedException)
        {
            // Socket closed on stop.
        }
        catch (SocketException ex)
        {
            TrapReceiverLog.SocketError(logger, ex.SocketErrorCode.ToString());
        }
        finally
        {
            queue.TryComplete();
        }
    }

    private async Task ProcessLoopAsync(Socket socket, ChannelReader<Datagram> queue, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var datagram in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var reply = Process(datagram, out var isInformResponse);
                if (reply is not null)
                {
                    try
                    {
                        await socket.SendToAsync(reply, SocketFlags.None, datagram.Source, stoppingToken).ConfigureAwait(false);
                        if (isInformResponse)
                        {
                            statistics.CountInformAnswered();
                        }
                    }
                    catch (SocketException ex)
                    {
                        TrapReceiverLog.SocketError(logger, ex.SocketErrorCode.ToString());
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (ObjectDisposedException)
        {
            // Socket closed on stop.
        }
    }

    /// <summary>Handles one datagram; returns what to send back, if anything: an inform's Response or an SNMPv3 Report.</summary>
    private byte[]? Process(Datagram datagram, out bool isInformResponse)
    {
        isInformResponse = false;
        var source = datagram.Source;
        long version;
        TrapSecurityResult? result;
        TrapSecurityReport? report;
        ITrapSecurityProcessor? processor;
        try
        {
            version = TrapMessageDecoder.PeekVersion(datagram.Bytes);
            processor = Array.Find(_processors, p => p.Handles(version));
            if (processor is null)
            {
                Drop(source, TrapDropReason.UnsupportedVersion, $"msgVersion {version}");
                return null;
            }

            result = processor.Process(datagram.Bytes, out report);
        }
        catch (SnmpDecodeException ex)
        {
            Drop(source, TrapDropReason.Malformed, ex.Message);
            return null;
        }
        catch (TrapRefusedException ex)
        {
            Drop(source, ex.Reason, ex.Message);
            return null;
        }

        if (result is null)
        {
            if (report is not { IsSynchronisation: true })
            {
                Drop(source, TrapDropReason.AuthFailed, "refused by the security model");
            }

            return report?.Datagram;
        }

        var notification = result.Notification;
        byte[]? reply = null;
        if (notification.IsInform)
        {
            try
            {
                reply = processor.EncodeInformResponse(result);
            }
            catch (ArgumentException ex)
            {
                Drop(source, TrapDropReason.Malformed, "inform cannot be answered: " + ex.Message);
                return null;
            }
        }

        Record(source, result);
        isInformResponse = reply is not null;
        return reply;
    }

    private void Record(IPEndPoint source, TrapSecurityResult result)
    {
        var notification = result.Notification;
        var device = Attribution().Match(source.Address, result.Principal);
        var trapName = notification.TrapName;
        var version = TrapVarbindSummary.VersionText(notification.Version);
        var summary = TrapVarbindSummary.Of(notification);
        var sourceText = source.ToString();
        trapLog.Add(new TrapLogEntry(time.GetUtcNow(), sourceText, device?.Id, notification.Version, notification.IsInform, trapName, notification.TrapOid.ToString(), summary));
        statistics.CountReceived(device?.Id, trapName);
        if (device is null)
        {
            if (ShouldLog(source.Address))
            {
                TrapReceiverLog.UnknownSender(logger, trapName, sourceText, version);
            }

            return;
        }

        TrapReceiverLog.Received(logger, trapName, device.Id, sourceText, version, summary);
        polls.Request(device.Id);
        alarms.RecordTrap(device.Id, trapName, $"Trap {trapName} ({version}{(notification.IsInform ? " inform" : "")}) from {source.Address}" +
            (summary.Length > 0 ? ": " + summary : ""));
    }

    private void Drop(IPEndPoint source, TrapDropReason reason, string detail)
    {
        statistics.CountDropped(reason);
        if (ShouldLog(source.Address))
        {
            TrapReceiverLog.Dropped(logger, source.ToString(), TrapStatistics.Label(reason), detail);
        }
    }

    /// <summary>At most one log line per source per minute (the processing loop is single-threaded).</summary>
    private bool ShouldLog(IPAddress source)
    {
        var now = time.GetTimestamp();
        if (_lastLogged.TryGetValue(source, out var last) && time.GetElapsedTime(last, now) < LogEvery)
        {
            return false;
        }

        if (_lastLogged.Count >= SourceRateLimiter.MaxSources)
        {
            _lastLogged.Clear();
        }

        _lastLogged[source] = now;
        return true;
    }

    /// <summary>Rebuilt when the catalog changed (a device commissioned or removed); only the processing loop calls it.</summary>
    private TrapAttribution Attribution()
    {
        var version = devices.Version;
        if (_attribution is null || version != _attributionVersion)
        {
            _attribution = new TrapAttribution(devices.All, Resolve);
            _attributionVersion = version;
        }

        return _attribution;
    }

    private IPAddress[] Resolve(string host)
    {
        try
        {
            return Dns.GetHostAddresses(host);
        }
        catch (SocketException)
        {
            foreach (var device in devices.All.Where(d => d.Host == host))
            {
                TrapReceiverLog.HostUnresolved(logger, device.Id, host);
            }

            return [];
        }
    }

    private sealed record Datagram(byte[] Bytes, IPEndPoint Source);
}
