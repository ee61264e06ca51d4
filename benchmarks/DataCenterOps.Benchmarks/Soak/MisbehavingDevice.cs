using System.Net;
using System.Net.Sockets;

namespace DataCenterOps.Benchmarks.Soak;

/// <summary>
/// A Modbus TCP "device" that is broken the way field devices break: <see cref="Behaviour.HangMidReply"/> reads the
/// request, sends the first bytes of a reply and then nothing, holding the connection open; <see cref="Behaviour.Reset"/>
/// accepts and resets (RST) every connection at once.
/// </summary>
internal sealed class MisbehavingDevice : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Behaviour _behaviour;
    private long _connections;

    public MisbehavingDevice(Behaviour behaviour)
    {
        _behaviour = behaviour;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public enum Behaviour
    {
        HangMidReply,
        Reset,
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public long Connections => Interlocked.Read(ref _connections);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = _behaviour == Behaviour.Reset ? ResetAsync(socket) : HangAsync(socket);
        }
    }

    private static Task ResetAsync(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
        return Task.CompletedTask;
    }

    private async Task HangAsync(Socket socket)
    {
        using (socket)
        {
            var request = new byte[260];
            try
            {
                while (!_stop.IsCancellationRequested && await socket.ReceiveAsync(request, SocketFlags.None, _stop.Token) > 0)
                {
                    // The transaction id and half of the protocol id, then silence.
                    await socket.SendAsync(request.AsMemory(0, 3), SocketFlags.None, _stop.Token);
                }
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up on us, or the soak ended.
            }
        }
    }
}
