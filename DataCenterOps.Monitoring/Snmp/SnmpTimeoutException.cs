namespace DataCenterOps.Monitoring.Snmp;

/// <summary>No acceptable reply arrived within the timeout on any attempt (also what a wrong community looks like).</summary>
public sealed class SnmpTimeoutException : SnmpException
{
    public SnmpTimeoutException()
    {
    }

    public SnmpTimeoutException(string message)
        : base(message)
    {
    }

    public SnmpTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
