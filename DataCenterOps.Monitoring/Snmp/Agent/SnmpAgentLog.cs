using Microsoft.Extensions.Logging;

namespace DataCenterOps.Monitoring.Snmp.Agent;

internal static partial class SnmpAgentLog
{
    [LoggerMessage(EventId = 4151, Level = LogLevel.Information, Message = "SNMP agent listening on {Endpoint}")]
    public static partial void Started(ILogger logger, System.Net.IPEndPoint endpoint);

    [LoggerMessage(EventId = 4152, Level = LogLevel.Debug, Message = "SNMP agent ignored a datagram of {Length} bytes: {Reason}")]
    public static partial void Ignored(ILogger logger, int length, string reason);

    [LoggerMessage(EventId = 4153, Level = LogLevel.Warning, Message = "SNMP agent receive failed; continuing")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception);
}
