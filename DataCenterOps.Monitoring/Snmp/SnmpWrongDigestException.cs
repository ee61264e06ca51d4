namespace DataCenterOps.Monitoring.Snmp;

/// <summary>The request's HMAC did not verify: wrong authentication password or protocol (usmStatsWrongDigests).</summary>
public sealed class SnmpWrongDigestException : SnmpReportException
{
    public SnmpWrongDigestException()
    {
    }

    public SnmpWrongDigestException(string message)
        : base(message)
    {
    }

    public SnmpWrongDigestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpWrongDigestException(string message, ObjectIdentifier reportOid)
        : base(message, reportOid)
    {
    }
}
