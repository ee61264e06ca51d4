using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataCenterOps.Monitoring.Snmp.Agent;

/// <summary>
/// A small SNMP agent for the device simulator and tests: answers v2c GET/GETNEXT/GETBULK (and v1
/// GET/GETNEXT) from an <see cref="ISnmpAgentData"/>, ignores unknown communities, honours the
/// view's injected <see cref="SnmpAgentFault"/>. With <see cref="V3Users"/> it also speaks SNMPv3 USM
/// (the contextName picks the view, as a community does).
/// </summary>
public sealed partial class SnmpAgent : IAsyncDisposable
{
    private readonly IPEndPoint _bind;
    private readonly ISnmpAgentData _data;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Socket? _socket;
    private Task? _loop;
    private long _answered;
    private long _ignored;

    public SnmpAgent(IPEndPoint bind, ISnmpAgentData data, ILogger<SnmpAgent>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(data);
        _bind = bind;
        _data = data;
        _logger = logger ?? NullLogger<SnmpAgent>.Instance;
    }

    /// <summary>The bound address (read it after <see cref="StartAsync"/> when binding port 0).</summary>
    public IPEndPoint LocalEndpoint =>
        (IPEndPoint?)_socket?.LocalEndPoint ?? throw new InvalidOperationException("The agent has not been started.");

    /// <summary>Largest response sent; bigger ones become tooBig (GETBULK is truncated instead). 1472 avoids IP fragmentation, as net-snmp.</summary>
    public int MaxMessageSize { get; init; } = 1472;

    public long RequestsAnswered => Interlocked.Read(ref _answered);

    public long RequestsIgnored => Interlocked.Read(ref _ignored);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_socket is not null)
        {
            throw new InvalidOperationException("The agent is already started.");
        }

        var socket = new Socket(_bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(_bind);

            // Room for bursts when many managers' requests arrive together (a simulated fleet of thousands).
            socket.ReceiveBufferSize = 1 << 20;
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        StartV3();
        _socket = socket;
        SnmpAgentLog.Started(_logger, LocalEndpoint);
        _loop = Task.Run(() => ServeAsync(socket, _stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(Socket socket, CancellationToken cancellationToken)
    {
        var receiveBuffer = GC.AllocateUninitializedArray<byte>(65536, pinned: true);
        var sendBuffer = new byte[65536];
        var sender = new SocketAddress(socket.AddressFamily);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var received = await socket.ReceiveFromAsync(receiveBuffer, SocketFlags.None, sender, cancellationToken).ConfigureAwait(false);
                Answer(socket, receiveBuffer.AsSpan(0, received), sendBuffer, sender);

                // Whatever else has arrived meanwhile is answered without another trip through the thread pool: under a
                // thousand requests a second the queue is rarely empty, and each await would cost a scheduling delay.
                while (socket.Available > 0 && !cancellationToken.IsCancellationRequested)
                {
                    received = socket.ReceiveFrom(receiveBuffer, SocketFlags.None, sender);
                    Answer(socket, receiveBuffer.AsSpan(0, received), sendBuffer, sender);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                SnmpAgentLog.ReceiveFailed(_logger, e);
            }
        }
    }

    // A synchronous send: a UDP send only copies into the kernel (as the client's sends; see SnmpClient.Send).
    private void Answer(Socket socket, ReadOnlySpan<byte> datagram, byte[] sendBuffer, SocketAddress sender)
    {
        var length = Handle(datagram, sendBuffer);
        if (length > 0)
        {
            socket.SendTo(sendBuffer.AsSpan(0, length), SocketFlags.None, sender);
        }
    }

    /// <summary>Writes the reply into <paramref name="output"/>; returns its length, 0 for no reply.</summary>
    private int Handle(ReadOnlySpan<byte> datagram, Span<byte> output)
    {
        if (Usm.SnmpV3Message.PeekVersion(datagram) == (int)SnmpVersion.V3)
        {
            return HandleV3(datagram, output);
        }

        if (!SnmpMessage.TryDecode(datagram, out var request))
        {
            return Ignore(datagram.Length, "not a v1/v2c message");
        }

        var view = _data.Resolve(Encoding.UTF8.GetString(request.Community.Span));
        if (view is null)
        {
            return Ignore(datagram.Length, "unknown community");
        }

        var fault = view.Fault;
        if (fault == SnmpAgentFault.Silent)
        {
            return Ignore(datagram.Length, "silent fault");
        }

        var response = SnmpAgentResponder.Respond(request, view, MaxMessageSize);
        if (response is null)
        {
            return Ignore(datagram.Length, $"{request.Pdu.Type} gets no answer");
        }

        Interlocked.Increment(ref _answered);
        var length = response.Encode(output);
        return fault == SnmpAgentFault.Garbage ? Corrupt(output, length) : length;
    }

    private int Ignore(int length, string reason)
    {
        Interlocked.Increment(ref _ignored);
        SnmpAgentLog.Ignored(_logger, length, reason);
        return 0;
    }

    /// <summary>Turns a good reply into one no strict manager accepts: random bytes, a truncation or trailing junk.</summary>
    private static int Corrupt(Span<byte> output, int length)
    {
        switch (Random.Shared.Next(3))
        {
            case 0:
                var randomLength = Random.Shared.Next(1, 64);
                Random.Shared.NextBytes(output[..randomLength]);
                output[0] = 0x30;
                return randomLength;
            case 1:
                return Random.Shared.Next(1, length);
            default:
                output[length] = 0x00;
                return length + 1;
        }
    }
}
