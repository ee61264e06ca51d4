namespace DataCenterOps.Monitoring.Snmp;

/// <summary>
/// An SNMPv3 agent refused a request with a Report PDU (RFC 3412 §7.1, RFC 3414 §3.2). The derived types name
/// the USM failures an operator can fix (user, passwords, protocols, context); this base covers any other Report.
/// </summary>
public class SnmpReportException : SnmpException
{
    public SnmpReportException()
    {
    }

    public SnmpReportException(string message)
        : base(message)
    {
    }

    public SnmpReportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpReportException(string message, ObjectIdentifier reportOid)
        : base(message)
    {
        ReportOid = reportOid;
    }

    /// <summary>The counter the Report carried, e.g. usmStatsWrongDigests.0 (1.3.6.1.6.3.15.1.1.5.0).</summary>
    public ObjectIdentifier ReportOid { get; }
}
