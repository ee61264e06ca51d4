namespace DataCenterOps.Monitoring.Snmp;

/// <summary>The agent serves no context of that name (snmpUnknownContexts).</summary>
public sealed class SnmpUnknownContextException : SnmpReportException
{
    public SnmpUnknownContextException()
    {
    }

    public SnmpUnknownContextException(string message)
        : base(message)
    {
    }

    public SnmpUnknownContextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpUnknownContextException(string message, ObjectIdentifier reportOid)
        : base(message, reportOid)
    {
    }
}
