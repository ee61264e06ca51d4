namespace DataCenterOps.Monitoring.Snmp;

/// <summary>The request fell outside the agent's 150 s time window even after re-synchronising (usmStatsNotInTimeWindows).</summary>
public sealed class SnmpNotInTimeWindowException : SnmpReportException
{
    public SnmpNotInTimeWindowException()
    {
    }

    public SnmpNotInTimeWindowException(string message)
        : base(message)
    {
    }

    public SnmpNotInTimeWindowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpNotInTimeWindowException(string message, ObjectIdentifier reportOid)
        : base(message, reportOid)
    {
    }
}
