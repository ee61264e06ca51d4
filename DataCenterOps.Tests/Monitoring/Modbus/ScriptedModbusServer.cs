using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using DataCenterOps.Monitoring.Modbus;

namespace DataCenterOps.Tests.Monitoring.Modbus;

/// <summary>What a scripted server does with one request.</summary>
internal sealed record ScriptedReply(byte[] Bytes, TimeSpan Delay = default, bool CloseAfter = false, bool Silent = false);

/// <summary>
/// A misbehaving Modbus TCP server on a real loopback socket: for each request it asks a script what to
/// send (bytes, delay, close, silence). Requests are counted across connections, so a script can break
/// the first answer and behave afterwards.
/// </summary>
internal sealed class ScriptedModbusServer : IAsyncDisposable
{
    private readonly Func<int, ModbusReadRequest, ScriptedReply> _script;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _sessions = [];
    private readonly Task _accepting;
    private int _requests;
    private int _connections;

    public ScriptedModbusServer(Func<int, ModbusReadRequest, ScriptedReply> script)
    {
        _script = script;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The correct reply: register i holds start + i, bit i is set when start + i is odd.</summary>
    public static byte[] GoodReply(ModbusReadRequest request)
    {
        var frame = new byte[ModbusReadResponse.MaxAduSize];
        int length;
        if (request.IsBitRead)
        {
            var bits = Enumerable.Range(request.StartAddress, request.Quantity).Select(a => a % 2 == 1).ToArray();
            length = ModbusReadResponse.WriteBits(frame, request.TransactionId, request.UnitId, request.FunctionCode, bits);
        }
        else
        {
            var registers = Enumerable.Range(request.StartAddress, request.Quantity).Select(a => (ushort)a).ToArray();
            length = ModbusReadResponse.WriteRegisters(frame, request.TransactionId, request.UnitId, request.FunctionCode, registers);
        }

        return frame[..length];
    }

    public static ScriptedReply Good(ModbusReadRequest request) => new(GoodReply(request));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions, _accepting];
        }

        await Task.WhenAll(sessions).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            lock (_sessions)
            {
                _sessions.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        client.NoDelay = true;
        var stream = client.GetStream();
        var buffer = new byte[ModbusReadRequest.Size];
        try
        {
            while (true)
            {
                await stream.ReadExactlyAsync(buffer, _stop.Token);
                var request = ModbusReadRequest.ReadFrom(buffer);
                var reply = _script(Interlocked.Increment(ref _requests), request);
                if (reply.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(reply.Delay, _stop.Token);
                }

                if (reply.Silent)
                {
                    continue;
                }

                await stream.WriteAsync(reply.Bytes, _stop.Token);
                if (reply.CloseAfter)
                {
                    client.Client.Shutdown(SocketShutdown.Both);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or EndOfStreamException or ModbusException)
        {
            // The client dropped the connection, which is what these tests expect of it.
        }
    }

    /// <summary>Helpers that damage a correct reply.</summary>
    public static byte[] With(byte[] frame, Action<byte[]> change)
    {
        var copy = (byte[])frame.Clone();
        change(copy);
        return copy;
    }

    public static void SetUInt16(byte[] frame, int offset, int value) => BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(offset), (ushort)value);
}
