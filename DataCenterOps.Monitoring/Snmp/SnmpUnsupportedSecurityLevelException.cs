namespace DataCenterOps.Monitoring.Snmp;

/// <summary>The agent's user does not support the security level asked for (usmStatsUnsupportedSecLevels).</summary>
public sealed class SnmpUnsupportedSecurityLevelException : SnmpReportException
{
    public SnmpUnsupportedSecurityLevelException()
    {
    }

    public SnmpUnsupportedSecurityLevelException(string message)
        : base(message)
    {
    }

    public SnmpUnsupportedSecurityLevelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpUnsupportedSecurityLevelException(string message, ObjectIdentifier reportOid)
        : base(message, reportOid)
    {
    }
}
