using System.Net;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Monitoring.Snmp;

internal static partial class SnmpClientLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Dropped an SNMP reply with request-id {RequestId} that no request from {Sender} is waiting for")]
    public static partial void ReplyDropped(ILogger logger, int requestId, SocketAddress sender);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Rejected an undecodable SNMP datagram of {Length} bytes from {Sender}: {Reason}")]
    public static partial void ReplyRejected(ILogger logger, int length, SocketAddress sender, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "SNMP receive failed; continuing")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception);
}
