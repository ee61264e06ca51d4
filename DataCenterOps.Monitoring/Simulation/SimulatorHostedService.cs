using System.Net;
using System.Net.Sockets;
using DataCenterOps.Monitoring.Modbus.Server;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp.Agent;
using DataCenterOps.Monitoring.Snmp.Usm;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// Runs the simulated room when Simulator:Enabled is true: binds the SNMP agent and the Modbus server at
/// start (so a port in use stops the start), then ticks the room every Simulator:TickInterval.
/// </summary>
public sealed class SimulatorHostedService(
    SimulatedRoom room,
    IOptions<SimulatorOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<SimulatorHostedService>();
    private readonly TaskCompletionSource<SimulatorListeners> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SnmpAgent? _agent;
    private ModbusTcpServer? _server;

    /// <summary>Completes with the bound endpoints once the agent and server listen.</summary>
    public Task<SimulatorListeners> Listening => _listening.Task;

    /// <summary>The agent's SNMPv3 engine (ID, boots, time) once it listens with V3 users; null otherwise.</summary>
    internal UsmLocalEngine? V3Engine => _agent?.LocalEngine;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            SimulatorLog.Disabled(_logger);
            _listening.TrySetCanceled(CancellationToken.None);
            return;
        }

        var address = IPAddress.Parse(settings.BindAddress);
        var snmp = new IPEndPoint(address, settings.SnmpPort);
        var modbus = new IPEndPoint(address, settings.ModbusPort);
        try
        {
            _agent = new SnmpAgent(snmp, room.SnmpData, loggerFactory.CreateLogger<SnmpAgent>())
            {
                V3Users = SimulatorV3Users.Credentials(settings),
                EngineId = SimulatorV3Users.EngineId(settings) ?? [],
                TimeProvider = timeProvider,
            };
            await _agent.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new PortInUseException("Simulator:SnmpPort", $"udp://{snmp}", snmp.Port, ex);
        }

        if (settings.V3Users.Count > 0)
        {
            // User names only: passwords never reach a log.
            SimulatorLog.V3(_logger, Convert.ToHexString(_agent.ActiveEngineId.Span), string.Join(", ", settings.V3Users.Select(u => u.User)));
        }

        try
        {
            _server = new ModbusTcpServer(modbus, room.ModbusData, loggerFactory.CreateLogger<ModbusTcpServer>());
            await _server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new PortInUseException("Simulator:ModbusPort", $"tcp://{modbus}", modbus.Port, ex);
        }

        var listeners = new SimulatorListeners(_agent.LocalEndpoint, _server.LocalEndpoint);
        SimulatorLog.Listening(_logger, listeners.Snmp.ToString(), listeners.Modbus.ToString());
        foreach (var device in room.Devices)
        {
            var where = device.Protocol == DeviceProtocol.Snmp
                ? $"udp://{listeners.Snmp} community '{device.Community}'"
                : $"tcp://{listeners.Modbus} unit {device.UnitId}";
            SimulatorLog.Device(_logger, device.Id, device.Profile, device.Protocol.ToString(), where);
        }

        _listening.TrySetResult(listeners);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await DisposeListenersAsync().ConfigureAwait(false);
    }

    public override void Dispose()
    {
        DisposeListenersAsync().AsTask().GetAwaiter().GetResult();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        room.Tick();
        using var timer = new PeriodicTimer(options.Value.TickInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    room.Tick();
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or ArithmeticException)
                {
                    // A bad step must not end the room; the next tick tries again.
                    SimulatorLog.TickFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    private async ValueTask DisposeListenersAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync().ConfigureAwait(false);
        }

        if (_agent is { } agent)
        {
            _agent = null;
            await agent.DisposeAsync().ConfigureAwait(false);
        }
    }
}
