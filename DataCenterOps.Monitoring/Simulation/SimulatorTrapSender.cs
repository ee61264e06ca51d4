using System.Net;
using System.Net.Sockets;
using System.Text;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Usm;
using DataCenterOps.Monitoring.Traps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>
/// Sends the simulated UPSs' RFC 1628 notifications (SNMPv2c, the device's community) to <c>Simulator:TrapSinks</c>
/// from <c>Simulator:BindAddress</c>, so that they match the devices' configured Host: upsTrapOnBattery (with
/// upsEstimatedMinutesRemaining, upsSecondsOnBattery, upsConfigLowBattTime) when a UPS goes on battery, and
/// upsTrapAlarmEntryAdded / upsTrapAlarmEntryRemoved (upsAlarmId, upsAlarmDescr) for each row that appears in or leaves
/// the UPS's served upsAlarmTable (<see cref="UpsMib"/>: on battery, low battery, depleted, output off); a UPS without
/// the UPS-MIB has one implied on-battery row. Checked at once when a scenario starts or stops and on every
/// tick (the genset taking the load ends "on battery" without a scenario change). A silent or garbage device sends none.
/// Without Simulator:TrapSinks the sink is the app's own <see cref="TrapReceiver"/> wherever it listens (none if it
/// could not listen), or <see cref="DefaultSink"/> when the simulator runs alone.
/// With Simulator:TrapVersion V3 the same notifications go as SNMPv3 USM traps (RFC 3414) as Simulator:TrapUser, at
/// that user's level (its configured protocols), the simulator agent's engine authoritative (its snmpEngineID, boots
/// and time, so a receiver configured with <c>-e</c> that engine ID localises the same keys), contextName the device's
/// community (its context on the agent). Keys, HMAC and privacy are the USM code's (<see cref="UsmProcessor.Encode"/>).
/// </summary>
public sealed partial class SimulatorTrapSender(
    SimulatedRoom room,
    IOptions<SimulatorOptions> options,
    TimeProvider time,
    IServiceProvider services,
    ILogger<SimulatorTrapSender> logger) : BackgroundService
{
    /// <summary>The sink when Simulator:TrapSinks is not set and no receiver runs in this process (Monitoring:Traps defaults).</summary>
    public const string DefaultSink = "127.0.0.1:10162";

    private static readonly IReadOnlyDictionary<uint, uint> NoRows = new Dictionary<uint, uint>();
    private static readonly IReadOnlyDictionary<uint, uint> OnBatteryRow = new Dictionary<uint, uint> { [1] = UpsMib.AlarmOnBattery };

    private readonly Dictionary<string, bool> _onBattery = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<uint, uint>> _alarmRows = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _changed = new(0, 1);
    private IPEndPoint[] _sinks = [];
    private Socket? _socket;
    private UsmLocalEngine? _engine;
    private UsmLocalizedUser? _v3User;
    private long _startedAt;
    private int _requestId;

    /// <summary>Notifications sent since start.</summary>
    public long Sent { get; private set; }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var sinks = new List<IPEndPoint>();
        var configured = settings.TrapSinks ?? [];
        for (var i = 0; i < configured.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(configured[i]))
            {
                continue;
            }

            sinks.Add(ParseSink(configured[i]) ?? throw new OptionsValidationException(SimulatorOptions.SectionName, typeof(SimulatorOptions),
                [$"Simulator:TrapSinks[{i}] '{configured[i]}' is not host:port (e.g. 127.0.0.1:10162)"]));
        }

        _sinks = [.. sinks];
        if (settings.TrapSinks is not null && _sinks.Length == 0)
        {
            return;
        }

        var address = IPAddress.Parse(settings.BindAddress);
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(address, 0));
        _startedAt = time.GetTimestamp();
        foreach (var device in Ups())
        {
            var onBattery = IsOnBattery(device.Id);
            _onBattery[device.Id] = onBattery;
            _alarmRows[device.Id] = AlarmRows(device.Id, onBattery);
        }

        room.ScenariosChanged += OnScenariosChanged;
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        room.ScenariosChanged -= OnScenariosChanged;
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        _socket?.Dispose();
    }

    public override void Dispose()
    {
        room.ScenariosChanged -= OnScenariosChanged;
        _socket?.Dispose();
        _changed.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.TrapSinks is null)
        {
            // The receiver starts after the simulator, so its endpoint is awaited here rather than in StartAsync.
            _sinks = services.GetService(typeof(TrapReceiver)) is TrapReceiver receiver
                ? await receiver.Listening.WaitAsync(stoppingToken).ConfigureAwait(false) is { } bound ? [Reachable(bound)] : []
                : [ParseSink(DefaultSink)!];
        }

        if (_sinks.Length == 0)
        {
            return;
        }

        if (options.Value.TrapVersion == SimulatorTrapVersion.V3 && !await PrepareV3Async().WaitAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        var change = _changed.WaitAsync(stoppingToken);
        try
        {
            while (true)
            {
                var woke = await Task.WhenAny(tick, change).ConfigureAwait(false);
                await woke.ConfigureAwait(false);
                if (woke == tick)
                {
                    tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                }
                else
                {
                    change = _changed.WaitAsync(stoppingToken);
                }

                await CheckAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>The agent's engine (it started before this service) and the trap user's keys localised to it, derived once.</summary>
    private async Task<bool> PrepareV3Async()
    {
        if (services.GetService(typeof(SimulatorHostedService)) is not SimulatorHostedService simulator)
        {
            LogV3Unavailable(logger);
            return false;
        }

        await simulator.Listening.ConfigureAwait(false);
        if (simulator.V3Engine is not { } engine)
        {
            LogV3Unavailable(logger);
            return false;
        }

        var credentials = SimulatorV3Users.TrapCredentials(options.Value);
        _v3User = UsmLocalizedUser.Create(credentials, engine.EngineId);
        _engine = engine;
        // The user name and level only: passwords and keys never reach a log.
        LogV3(logger, credentials.User, credentials.SecurityLevel.ToString(), Convert.ToHexString(engine.EngineId));
        return true;
    }

    private static IPEndPoint Reachable(IPEndPoint bound) =>
        bound.Address.Equals(IPAddress.Any) ? new IPEndPoint(IPAddress.Loopback, bound.Port)
        : bound.Address.Equals(IPAddress.IPv6Any) ? new IPEndPoint(IPAddress.IPv6Loopback, bound.Port)
        : bound;

    private static IPEndPoint? ParseSink(string sink)
    {
        if (IPEndPoint.TryParse(sink, out var endpoint) && endpoint.Port != 0)
        {
            return endpoint;
        }

        var colon = sink.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(sink.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
        {
            return null;
        }

        try
        {
            var addresses = Dns.GetHostAddresses(sink[..colon]);
            return addresses.Length > 0 ? new IPEndPoint(addresses[0], port) : null;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private void OnScenariosChanged(object? sender, EventArgs e)
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A check is already pending.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private IEnumerable<SimulatedDeviceInfo> Ups() =>
        room.Devices.Where(d => d is { Protocol: DeviceProtocol.Snmp, Kind: DeviceKind.Ups, Community: not null });

    private bool IsOnBattery(string deviceId)
    {
        try
        {
            return room.GetState(deviceId, "output.source") == "battery"; // by state name: the codes are the profile's
        }
        catch (SimulatorException)
        {
            return false; // A site profile without output.source: never "on battery".
        }
    }

    /// <summary>The upsAlarmTable rows the UPS serves (id → well-known alarm); a UPS without the UPS-MIB implies one on-battery row.</summary>
    private IReadOnlyDictionary<uint, uint> AlarmRows(string deviceId, bool onBattery) =>
        room.GetUpsAlarmRows(deviceId) ?? (onBattery ? OnBatteryRow : NoRows);

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var device in Ups())
        {
            var now = IsOnBattery(device.Id);
            var before = _onBattery.GetValueOrDefault(device.Id);
            var rows = AlarmRows(device.Id, now);
            var rowsBefore = _alarmRows.GetValueOrDefault(device.Id) ?? NoRows;
            _onBattery[device.Id] = now;
            _alarmRows[device.Id] = rows;
            if (device.Fault != SimulatedFault.None)
            {
                continue;
            }

            if (now && !before)
            {
                await SendAsync(device, TrapOids.UpsTrapOnBattery,
                [
                    new(TrapOids.UpsEstimatedMinutesRemaining, SnmpValue.Integer((long)Math.Round(Value(device.Id, "battery.minutes_remaining")))),
                    new(TrapOids.UpsSecondsOnBattery, SnmpValue.Integer((long)Math.Round(Value(device.Id, "battery.seconds_on_battery")))),
                    new(TrapOids.UpsConfigLowBattTime, SnmpValue.Integer(UpsMib.LowBatteryMinutes)),
                ], cancellationToken).ConfigureAwait(false);
            }

            foreach (var (id, alarm) in rows)
            {
                if (!rowsBefore.TryGetValue(id, out var was) || was != alarm)
                {
                    await SendAsync(device, TrapOids.UpsTrapAlarmEntryAdded, AlarmRow(id, alarm), cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var (id, alarm) in rowsBefore)
            {
                if (!rows.TryGetValue(id, out var still) || still != alarm)
                {
                    await SendAsync(device, TrapOids.UpsTrapAlarmEntryRemoved, AlarmRow(id, alarm), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static Varbind[] AlarmRow(uint id, uint alarm) =>
    [
        new(TrapOids.UpsAlarmId.Append(id), SnmpValue.Integer(id)),
        new(TrapOids.UpsAlarmDescr.Append(id), SnmpValue.Oid(TrapOids.UpsWellKnownAlarms.Append(alarm))),
    ];

    private double Value(string deviceId, string point)
    {
        try
        {
            return room.GetValue(deviceId, point);
        }
        catch (SimulatorException)
        {
            return 0;
        }
    }

    private async Task SendAsync(SimulatedDeviceInfo device, ObjectIdentifier trap, Varbind[] objects, CancellationToken cancellationToken)
    {
        var uptime = (uint)Math.Min(uint.MaxValue, time.GetElapsedTime(_startedAt).TotalMilliseconds / 10);
        var varbinds = new List<Varbind>(objects.Length + 2)
        {
            new(TrapOids.SysUpTime, SnmpValue.TimeTicks(uptime)),
            new(TrapOids.SnmpTrapOid, SnmpValue.Oid(trap)),
        };
        varbinds.AddRange(objects);
        var pdu = new SnmpPdu(SnmpPduType.TrapV2, Interlocked.Increment(ref _requestId), 0, 0, varbinds);
        var bytes = _engine is { } engine && _v3User is { } user
            ? EncodeV3(engine, user, device.Community!, pdu)
            : new SnmpMessage(SnmpVersion.V2c, device.Community!, pdu).Encode();
        foreach (var sink in _sinks)
        {
            try
            {
                await _socket!.SendToAsync(bytes, SocketFlags.None, sink, cancellationToken).ConfigureAwait(false);
                Sent++;
            }
            catch (SocketException ex)
            {
                LogSendFailed(logger, TrapOids.NameOf(trap), sink.ToString(), ex.SocketErrorCode.ToString());
            }
        }

        LogSent(logger, TrapOids.NameOf(trap), device.Id, _sinks.Length);
    }

    /// <summary>An SNMPv3 trap (not reportable) from the agent's engine, msgID = request-id, a fresh privacy salt each.</summary>
    private static byte[] EncodeV3(UsmLocalEngine engine, UsmLocalizedUser user, string community, SnmpPdu pdu)
    {
        var context = Encoding.UTF8.GetBytes(community);
        var level = user.SecurityLevel;
        return UsmProcessor.Encode(pdu.RequestId, SnmpMessageDecoder.MaxMessageSize, level, reportable: false,
            engine.EngineId, engine.Boots, engine.Time, user.Name, level == SnmpSecurityLevel.NoAuthNoPriv ? null : user,
            new SnmpScopedPdu(engine.EngineId, context.Length <= SnmpScopedPdu.MaxNameLength ? context : [], pdu), engine.NextSalt());
    }

    [LoggerMessage(EventId = 5112, Level = LogLevel.Information, Message = "Simulator sends SNMPv3 traps as USM user {User} ({Level}) from engine {EngineId}")]
    private static partial void LogV3(ILogger logger, string user, string level, string engineId);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Warning, Message = "Simulator:TrapVersion is V3 but the simulator agent has no SNMPv3 engine: no traps are sent")]
    private static partial void LogV3Unavailable(ILogger logger);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Information, Message = "Simulator sent {Trap} from {DeviceId} to {Sinks} trap sink(s)")]
    private static partial void LogSent(ILogger logger, string trap, string deviceId, int sinks);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "Simulator could not send {Trap} to {Sink}: {Error}")]
    private static partial void LogSendFailed(ILogger logger, string trap, string sink, string error);
}
