using Microsoft.Extensions.Logging;

namespace DataCenterOps.Monitoring.Traps;

internal static partial class TrapReceiverLog
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Trap receiver listening on udp://{Endpoint} (SNMP v1/v2c/v3 traps and informs)")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Trap receiver disabled (Monitoring:Traps:Enabled = false)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Error, Message = "Trap receiver not started: UDP port {Port} on {Address} is already in use (another copy of the app, or snmptrapd?). Set Monitoring:Traps:Port to a free port, or stop the other program.")]
    public static partial void PortInUse(ILogger logger, int port, string address);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Error, Message = "Trap receiver not started: cannot listen on UDP {Address}:{Port} ({Error}). Check Monitoring:Traps:BindAddress and Monitoring:Traps:Port; ports below 1024 need CAP_NET_BIND_SERVICE (README).")]
    public static partial void CannotListen(ILogger logger, string address, int port, string error);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Information, Message = "Trap receiver SNMPv3: engine ID {EngineId} (informs discover it), users {Users}")]
    public static partial void V3(ILogger logger, string engineId, string users);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Information, Message = "Trap {Trap} from unknown sender {Source} ({Version}): no SNMP device in Monitoring:Devices has that Host and community (further ones from this source are not logged for a minute)")]
    public static partial void UnknownSender(ILogger logger, string trap, string source, string version);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Information, Message = "Dropped a datagram from {Source} on the trap port: {Reason} ({Detail}) (further ones from this source are not logged for a minute)")]
    public static partial void Dropped(ILogger logger, string source, string reason, string detail);

    [LoggerMessage(EventId = 5307, Level = LogLevel.Debug, Message = "Trap {Trap} from device {DeviceId} ({Source}, {Version}): {Varbinds}")]
    public static partial void Received(ILogger logger, string trap, string deviceId, string source, string version, string varbinds);

    [LoggerMessage(EventId = 5308, Level = LogLevel.Warning, Message = "Trap receiver socket error: {Error}")]
    public static partial void SocketError(ILogger logger, string error);

    [LoggerMessage(EventId = 5309, Level = LogLevel.Warning, Message = "Device {DeviceId} has Host '{Host}', which does not resolve; its traps will count as unknown sender")]
    public static partial void HostUnresolved(ILogger logger, string deviceId, string host);
}
