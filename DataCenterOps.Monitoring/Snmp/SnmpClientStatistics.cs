namespace DataCenterOps.Monitoring.Snmp;

/// <summary>Counters of one <see cref="SnmpClient"/> since it was created.</summary>
/// <param name="RequestsSent">Datagrams sent, retries included.</param>
/// <param name="RepliesReceived">Datagrams received.</param>
/// <param name="RepliesDropped">Well-formed replies that answered no waiting request (foreign or late request-id, wrong sender).</param>
/// <param name="RepliesRejected">Replies that did not decode.</param>
/// <param name="Retries">Attempts after a timeout.</param>
/// <param name="Timeouts">Requests that failed after their last attempt.</param>
public readonly record struct SnmpClientStatistics(
    long RequestsSent, long RepliesReceived, long RepliesDropped, long RepliesRejected, long Retries, long Timeouts);
