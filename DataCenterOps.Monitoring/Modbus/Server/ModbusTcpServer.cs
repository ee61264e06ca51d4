using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataCenterOps.Monitoring.Modbus.Server;

/// <summary>
/// A small Modbus TCP server for the simulator and tests: many concurrent connections, function codes
/// 1–4 only (anything else, writes included, is answered with exception 0x01). Bind port 0 and read
/// <see cref="LocalEndpoint"/> to get a free port.
/// </summary>
public sealed partial class ModbusTcpServer(IPEndPoint bind, IModbusServerData data, ILogger<ModbusTcpServer>? logger = null) : IAsyncDisposable
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, Task> _connections = new();
    private Socket? _listener;
    private Task? _acceptLoop;

    public IPEndPoint LocalEndpoint => (IPEndPoint?)_listener?.LocalEndPoint ?? throw new InvalidOperationException("The server has not been started.");

    private long _requestsAnswered;

    /// <summary>Requests answered since start (exception responses included, silent units excluded).</summary>
    public long RequestsAnswered => Interlocked.Read(ref _requestsAnswered);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        if (_listener is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        var listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(bind);
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        LogStarted(_logger, LocalEndpoint);
        _acceptLoop = AcceptLoopAsync(listener, _stop.Token);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        if (_acceptLoop is not null)
        {
            // Once the accept loop has ended no session can be added, so the snapshot below is complete.
            await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        foreach (var socket in _connections.Keys)
        {
            socket.Dispose();
        }

        await Task.WhenAll(_connections.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException && stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                LogAcceptFailed(_logger, ex.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None).ConfigureAwait(false); // no hot loop on a failing listener
                continue;
            }

            client.NoDelay = true;
            var session = new ModbusServerSession(client, data, () => Interlocked.Increment(ref _requestsAnswered), _logger);

            // Registered before it starts, so a session that ends at once still finds its own entry to remove.
            var run = new Task<Task>(() => ServeAsync(client, session, stop));
            _connections[client] = run.Unwrap();
            run.Start(TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket client, ModbusServerSession session, CancellationToken stop)
    {
        try
        {
            await session.RunAsync(stop).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(client, out _);
            client.Dispose();
        }
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Modbus server listening on {Endpoint}")]
    private static partial void LogStarted(ILogger logger, IPEndPoint endpoint);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Modbus server accept failed: {Reason}")]
    private static partial void LogAcceptFailed(ILogger logger, string reason);
}
