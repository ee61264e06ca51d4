using Microsoft.Extensions.Logging;

namespace DataCenterOps.Monitoring.Simulation;

internal static partial class SimulatorLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Simulator scenario {Scenario} started on {Target}")]
    public static partial void ScenarioStarted(ILogger logger, string scenario, string target);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Simulator scenario {Scenario} stopped on {Target}")]
    public static partial void ScenarioStopped(ILogger logger, string scenario, string target);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Simulator room reset")]
    public static partial void RoomReset(ILogger logger);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Simulator listening: SNMP udp://{SnmpEndpoint}, Modbus tcp://{ModbusEndpoint}")]
    public static partial void Listening(ILogger logger, string snmpEndpoint, string modbusEndpoint);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Simulated device {DeviceId}: profile {Profile} over {Protocol} at {Address}")]
    public static partial void Device(ILogger logger, string deviceId, string profile, string protocol, string address);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Simulator disabled (Simulator:Enabled = false)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Error, Message = "Simulator tick failed")]
    public static partial void TickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Information, Message = "Simulator SNMPv3: engine ID {EngineId}, users {Users}; the contextName picks the device (its community)")]
    public static partial void V3(ILogger logger, string engineId, string users);
}
