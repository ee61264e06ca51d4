using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DataCenterOps.Benchmarks.Snmp;

/// <summary>
/// The same shape as SnmpClient (one socket, a receive loop, waiters matched by id) with no
/// codec: what a round trip costs before any SNMP work.
/// </summary>
internal sealed class UdpEchoClient : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _nextId;

    public UdpEchoClient()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.ReceiveBufferSize = 1 << 20;
        _loop = Task.Run(ReceiveAsync);
    }

    public async Task RoundTripAsync(SocketAddress target, int size, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = waiter;
        var datagram = new byte[size];
        BinaryPrimitives.WriteInt32LittleEndian(datagram, id);
        cancellationToken.ThrowIfCancellationRequested();
        // Synchronous, as SnmpClient sends (see there why).
        _socket.SendTo(datagram, SocketFlags.None, target);
        await waiter.Task.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[2048];
        var sender = new SocketAddress(AddressFamily.InterNetwork);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var length = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, sender, _stop.Token);
                if (length >= 4 && _pending.TryRemove(BinaryPrimitives.ReadInt32LittleEndian(buffer), out var waiter))
                {
                    waiter.TrySetResult();
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
