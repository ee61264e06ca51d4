using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataCenterOps.Monitoring.Modbus;

/// <summary>
/// Read-only Modbus TCP client for one device: one persistent connection (Nagle off), requests
/// serialised on it, every exchange bounded by <see cref="ModbusEndpointOptions.Timeout"/>. After any
/// error other than a well-formed exception response the connection is dropped, so a late reply can
/// never be read as the answer to the next question; the next read reconnects (with backoff after
/// failed connects). Reads longer than one request allows are split transparently.
/// </summary>
public sealed partial class ModbusTcpClient : IAsyncDisposable
{
    private readonly ModbusEndpointOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ModbusReconnectBackoff _backoff;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _buffer = new byte[ModbusReadResponse.MaxAduSize];
    private Socket? _socket;
    private ushort _transactionId;
    private volatile bool _disposed;

    public ModbusTcpClient(ModbusEndpointOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _backoff = new ModbusReconnectBackoff(options.ReconnectDelayMin, options.ReconnectDelayMax, _timeProvider);
        Endpoint = $"{options.Host}:{options.Port}";
    }

    /// <summary>host:port, for logs and messages.</summary>
    public string Endpoint { get; }

    public bool IsConnected => _socket is not null;

    /// <summary>Connections opened so far (a reconnect after an error counts again).</summary>
    public int ConnectCount { get; private set; }

    public Task<ushort[]> ReadHoldingRegistersAsync(byte unitId, ushort start, ushort count, CancellationToken cancellationToken = default) =>
        ReadRegistersAsync(unitId, ModbusTable.HoldingRegisters, start, count, cancellationToken);

    public Task<ushort[]> ReadInputRegistersAsync(byte unitId, ushort start, ushort count, CancellationToken cancellationToken = default) =>
        ReadRegistersAsync(unitId, ModbusTable.InputRegisters, start, count, cancellationToken);

    public async Task<bool[]> ReadCoilsAsync(byte unitId, ushort start, ushort count, CancellationToken cancellationToken = default) =>
        ToBits(await ReadRegistersAsync(unitId, ModbusTable.Coils, start, count, cancellationToken).ConfigureAwait(false));

    public async Task<bool[]> ReadDiscreteInputsAsync(byte unitId, ushort start, ushort count, CancellationToken cancellationToken = default) =>
        ToBits(await ReadRegistersAsync(unitId, ModbusTable.DiscreteInputs, start, count, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads a planned block; bits come back as 0/1 values so blocks of any table decode alike.</summary>
    public Task<ushort[]> ReadBlockAsync(byte unitId, ModbusReadBlock block, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(block);
        return ReadRegistersAsync(unitId, block.Table, block.Start, block.Count, cancellationToken);
    }

    /// <summary>
    /// Reads <paramref name="count"/> values of any table (bits as 0/1), split into as many requests as
    /// the protocol needs (125 registers / 2000 bits each).
    /// </summary>
    public async Task<ushort[]> ReadRegistersAsync(byte unitId, ModbusTable table, ushort start, ushort count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        if (start + count > 0x10000)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Reading {count} from {start} runs past address 65535.");
        }

        var function = table.ReadFunction();
        var maxPerRequest = table.MaxQuantityPerRead();
        var values = new ushort[count];
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var done = 0; done < count;)
            {
                var chunk = Math.Min(maxPerRequest, count - done);
                await ExchangeAsync(unitId, function, (ushort)(start + done), (ushort)chunk, values.AsMemory(done, chunk), cancellationToken).ConfigureAwait(false);
                done += chunk;
            }
        }
        finally
        {
            _gate.Release();
        }

        return values;
    }

    public ValueTask DisposeAsync()
    {
        _disposed = true;
        _socket?.Dispose();
        _socket = null;
        return ValueTask.CompletedTask;
    }

    private async Task ExchangeAsync(byte unitId, ModbusFunctionCode function, ushort start, ushort quantity, Memory<ushort> destination, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var socket = _socket ?? await ConnectAsync(linked.Token, cancellationToken).ConfigureAwait(false);
        var request = new ModbusReadRequest(++_transactionId, unitId, function, start, quantity);
        try
        {
            request.WriteTo(_buffer);
            await socket.SendAsync(_buffer.AsMemory(0, ModbusReadRequest.Size), SocketFlags.None, linked.Token).ConfigureAwait(false);
            await ReceiveExactlyAsync(socket, _buffer.AsMemory(0, MbapHeader.Size), 0, linked.Token).ConfigureAwait(false);
            var bodyLength = ModbusResponseDecoder.ReadBodyLength(_buffer.AsSpan(0, MbapHeader.Size), request);
            await ReceiveExactlyAsync(socket, _buffer.AsMemory(MbapHeader.Size, bodyLength), MbapHeader.Size, linked.Token).ConfigureAwait(false);
            if (socket.Available > 0)
            {
                throw new ModbusProtocolException($"{socket.Available} bytes arrived after the complete reply.");
            }

            ModbusResponseDecoder.Decode(_buffer.AsSpan(0, MbapHeader.Size + bodyLength), request, destination.Span);
        }
        catch (ModbusExceptionResponseException)
        {
            throw; // a well-formed answer: the stream is still in step, the connection stays
        }
        catch (ModbusException ex)
        {
            Drop(ex.Message);
            throw;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            Drop("timeout");
            throw new ModbusTimeoutException($"{Endpoint} gave no complete reply to {function} {start}+{quantity} within {_options.Timeout.TotalMilliseconds:0} ms.", ex);
        }
        catch (SocketException ex)
        {
            Drop(ex.Message);
            throw new ModbusConnectionException($"{Endpoint}: connection failed during {function}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is OperationCanceledException || (_disposed && ex is ObjectDisposedException))
        {
            Drop("cancelled");
            throw;
        }
    }

    private async Task<Socket> ConnectAsync(CancellationToken linkedToken, CancellationToken callerToken)
    {
        var wait = _backoff.Remaining;
        if (wait > TimeSpan.Zero)
        {
            throw new ModbusConnectionException($"{Endpoint}: not reconnecting for another {wait.TotalMilliseconds:0} ms after failed attempts.", retryAfter: wait);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(_options.Host, _options.Port, linkedToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !callerToken.IsCancellationRequested)
        {
            socket.Dispose();
            _backoff.Failed();
            LogConnectFailed(_logger, Endpoint, _backoff.Remaining.TotalMilliseconds, ex.Message);
            throw new ModbusConnectionException($"{Endpoint}: cannot connect: {ex.Message}", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _backoff.Succeeded();
        ConnectCount++;
        LogConnected(_logger, Endpoint);
        _socket = socket;
        return socket;
    }

    private static async ValueTask ReceiveExactlyAsync(Socket socket, Memory<byte> target, int frameOffset, CancellationToken token)
    {
        for (var read = 0; read < target.Length;)
        {
            var received = await socket.ReceiveAsync(target[read..], SocketFlags.None, token).ConfigureAwait(false);
            if (received == 0)
            {
                if (frameOffset + read == 0)
                {
                    throw new ModbusConnectionException("The device closed the connection before replying.");
                }

                throw new ModbusProtocolException($"Reply truncated: the connection closed after {frameOffset + read} bytes, {frameOffset + target.Length} expected.");
            }

            read += received;
        }
    }

    private void Drop(string reason)
    {
        if (_socket is null)
        {
            return;
        }

        LogDropped(_logger, Endpoint, reason);
        _socket.Dispose();
        _socket = null;
    }

    private static bool[] ToBits(ushort[] values) => Array.ConvertAll(values, v => v != 0);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Modbus {Endpoint}: connected")]
    private static partial void LogConnected(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Modbus {Endpoint}: connect failed, next attempt in {RetryMs} ms: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string endpoint, double retryMs, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Modbus {Endpoint}: connection dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, string endpoint, string reason);
}
