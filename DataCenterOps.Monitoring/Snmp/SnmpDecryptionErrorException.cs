namespace DataCenterOps.Monitoring.Snmp;

/// <summary>The agent could not decrypt the request: wrong privacy password or protocol (usmStatsDecryptionErrors).</summary>
public sealed class SnmpDecryptionErrorException : SnmpReportException
{
    public SnmpDecryptionErrorException()
    {
    }

    public SnmpDecryptionErrorException(string message)
        : base(message)
    {
    }

    public SnmpDecryptionErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpDecryptionErrorException(string message, ObjectIdentifier reportOid)
        : base(message, reportOid)
    {
    }
}
