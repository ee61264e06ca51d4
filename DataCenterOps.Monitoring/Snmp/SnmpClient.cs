using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataCenterOps.Monitoring.Snmp;

/// <summary>
/// SNMP manager over one UDP socket on an ephemeral port, shared by every request to every agent.
/// Thread-safe: one receive loop hands each reply to the request waiting for its request-id from
/// that agent's address; anything else is dropped and counted, never delivered to another waiter.
/// </summary>
public sealed partial class SnmpClient : IAsyncDisposable
{
    private const int ReceiveBufferSize = 65536;

    private readonly Socket _socket;
    private readonly ConcurrentDictionary<int, PendingRequest> _pending = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiveLoop;
    private int _nextRequestId = Random.Shared.Next(1, int.MaxValue / 2);
    private long _sent;
    private long _received;
    private long _dropped;
    private long _rejected;
    private long _retries;
    private long _timeouts;
    private int _disposed;

    public SnmpClient()
        : this(TimeProvider.System, null)
    {
    }

    public SnmpClient(TimeProvider timeProvider, ILogger<SnmpClient>? logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        _logger = logger ?? NullLogger<SnmpClient>.Instance;
        _socket = CreateSocket();
        LocalEndpoint = (IPEndPoint)_socket.LocalEndPoint!;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>The socket's local address and port (all interfaces, ephemeral port).</summary>
    public IPEndPoint LocalEndpoint { get; }

    public SnmpClientStatistics Statistics => new(
        Interlocked.Read(ref _sent), Interlocked.Read(ref _received), Interlocked.Read(ref _dropped),
        Interlocked.Read(ref _rejected), Interlocked.Read(ref _retries), Interlocked.Read(ref _timeouts));

    public async Task<IReadOnlyList<Varbind>> GetAsync(
        SnmpTarget target, IReadOnlyList<ObjectIdentifier> oids, CancellationToken cancellationToken = default) =>
        await ExchangeAsync(target, SnmpPdu.Request(SnmpPduType.GetRequest, 0, RequireOids(oids)), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Varbind>> GetNextAsync(
        SnmpTarget target, IReadOnlyList<ObjectIdentifier> oids, CancellationToken cancellationToken = default) =>
        await ExchangeAsync(target, SnmpPdu.Request(SnmpPduType.GetNextRequest, 0, RequireOids(oids)), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Varbind>> GetBulkAsync(
        SnmpTarget target, int nonRepeaters, int maxRepetitions, IReadOnlyList<ObjectIdentifier> oids,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nonRepeaters);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRepetitions);
        var template = SnmpPdu.GetBulk(0, nonRepeaters, maxRepetitions, RequireOids(oids));
        return await ExchangeAsync(target, template, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _receiveLoop.ConfigureAwait(false);
        foreach (var pending in _pending.Values)
        {
            pending.Fail(new ObjectDisposedException(nameof(SnmpClient)));
        }

        _stop.Dispose();
    }

    private static IReadOnlyList<ObjectIdentifier> RequireOids(IReadOnlyList<ObjectIdentifier> oids)
    {
        ArgumentNullException.ThrowIfNull(oids);
        return oids.Count == 0 ? throw new ArgumentException("Ask for at least one OID.", nameof(oids)) : oids;
    }

    private async Task<IReadOnlyList<Varbind>> ExchangeAsync(SnmpTarget target, SnmpPdu template, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ArgumentNullException.ThrowIfNull(target);
        target.Validate();
        if (target.Credentials is SnmpUsmCredentials usm)
        {
            return await ExchangeV3Async(target, usm, template, cancellationToken).ConfigureAwait(false);
        }

        var community = target.Credentials as SnmpCommunity
            ?? throw new NotSupportedException($"{target.Credentials.GetType().Name} is not supported; use SnmpCommunity or SnmpUsmCredentials.");
        var address = ToSocketAddress(target.Endpoint);
        var pending = Register(address);
        var request = new SnmpMessage(SnmpVersion.V2c, community.Bytes,
            new SnmpPdu(template.Type, pending.RequestId, template.Field2, template.Field3, template.Varbinds));
        var length = request.GetEncodedLength();
        if (length > SnmpMessageDecoder.MaxMessageSize)
        {
            _pending.TryRemove(pending.RequestId, out _);
            throw new ArgumentException($"A request of {length} bytes does not fit in one datagram; ask for fewer OIDs.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            request.Encode(buffer);
            for (var attempt = 0; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Send(buffer.AsSpan(0, length), address, target);
                try
                {
                    var reply = await pending.Reply.WaitAsync(target.Timeout, _time, cancellationToken).ConfigureAwait(false);
                    return SnmpReplyCheck.Accept(request, reply as SnmpMessage
                        ?? throw new SnmpDecodeException("SNMP reply does not match its request: an SNMPv3 message answers a community request."));
                }
                catch (TimeoutException) when (attempt < target.Retries)
                {
                    Interlocked.Increment(ref _retries);
                }
                catch (TimeoutException)
                {
                    Interlocked.Increment(ref _timeouts);
                    throw (SnmpException?)pending.Rejection ?? new SnmpTimeoutException(
                        $"No reply from {target.Endpoint} within {target.Timeout.TotalMilliseconds:0} ms after {attempt + 1} attempt(s).");
                }
            }
        }
        finally
        {
            _pending.TryRemove(pending.RequestId, out _);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Send(ReadOnlySpan<byte> datagram, SocketAddress address, SnmpTarget target)
    {
        Interlocked.Increment(ref _sent);
        try
        {
            // A synchronous send: a UDP send only copies into the kernel, and concurrent SendToAsync
            // calls with a SocketAddress on one socket race inside .NET 10's cached event args (NRE seen
            // under load in the benchmark).
            _socket.SendTo(datagram, SocketFlags.None, address);
        }
        catch (SocketException e)
        {
            throw new SnmpException($"Sending to {target.Endpoint} failed: {e.SocketErrorCode}.", e);
        }
    }

    private PendingRequest Register(SocketAddress address)
    {
        while (true)
        {
            // Positive, never 0, unique among the requests in flight.
            var id = Interlocked.Increment(ref _nextRequestId) & int.MaxValue;
            if (id == 0)
            {
                continue;
            }

            var pending = new PendingRequest(id, address);
            if (_pending.TryAdd(id, pending))
            {
                return pending;
            }
        }
    }

    private SocketAddress ToSocketAddress(IPEndPoint endpoint)
    {
        if (_socket.AddressFamily == AddressFamily.InterNetworkV6 && endpoint.AddressFamily == AddressFamily.InterNetwork)
        {
            endpoint = new IPEndPoint(endpoint.Address.MapToIPv6(), endpoint.Port);
        }
        else if (_socket.AddressFamily == AddressFamily.InterNetwork && endpoint.Address.IsIPv4MappedToIPv6)
        {
            endpoint = new IPEndPoint(endpoint.Address.MapToIPv4(), endpoint.Port);
        }

        return endpoint.Serialize();
    }

    private static Socket CreateSocket()
    {
        Socket? socket = null;
        try
        {
            // Dual-stack, so that one socket reaches IPv4 and IPv6 agents alike.
            socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp) { DualMode = true };
            socket.Bind(new IPEndPoint(IPAddress.IPv6Any, 0));
        }
        catch (SocketException)
        {
            socket?.Dispose();
            socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Any, 0));
        }

        // Room for bursts of replies when many requests are in flight.
        socket.ReceiveBufferSize = 1 << 20;
        return socket;
    }
}
