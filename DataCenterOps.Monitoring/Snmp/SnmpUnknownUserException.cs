namespace DataCenterOps.Monitoring.Snmp;

/// <summary>The agent has no USM user of that name (usmStatsUnknownUserNames).</summary>
public sealed class SnmpUnknownUserException : SnmpReportException
{
    public SnmpUnknownUserException()
    {
    }

    public SnmpUnknownUserException(string message)
        : base(message)
    {
    }

    public SnmpUnknownUserException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpUnknownUserException(string message, ObjectIdentifier reportOid)
        : base(message, reportOid)
    {
    }
}
