using System.Net;
using System.Net.Sockets;

namespace DataCenterOps.Benchmarks.Snmp;

/// <summary>A loopback UDP echo: the round trip with no SNMP work at all, i.e. the physical limit.</summary>
internal sealed class UdpEcho : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public UdpEcho()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Endpoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = Task.Run(EchoAsync);
    }

    public IPEndPoint Endpoint { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        _stop.Dispose();
    }

    private async Task EchoAsync()
    {
        var buffer = new byte[2048];
        var sender = new SocketAddress(AddressFamily.InterNetwork);
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var length = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, sender, _stop.Token);
                await _socket.SendToAsync(buffer.AsMemory(0, length), SocketFlags.None, sender, _stop.Token);
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
