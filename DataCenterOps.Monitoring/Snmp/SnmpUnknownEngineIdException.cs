namespace DataCenterOps.Monitoring.Snmp;

/// <summary>The agent did not know the engine ID in the request even after re-discovery (usmStatsUnknownEngineIDs).</summary>
public sealed class SnmpUnknownEngineIdException : SnmpReportException
{
    public SnmpUnknownEngineIdException()
    {
    }

    public SnmpUnknownEngineIdException(string message)
        : base(message)
    {
    }

    public SnmpUnknownEngineIdException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpUnknownEngineIdException(string message, ObjectIdentifier reportOid)
        : base(message, reportOid)
    {
    }
}
