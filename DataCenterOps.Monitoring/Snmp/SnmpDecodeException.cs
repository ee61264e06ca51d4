namespace DataCenterOps.Monitoring.Snmp;

/// <summary>A message that is malformed, truncated, oversized, or does not match the request it answers.</summary>
public sealed class SnmpDecodeException : SnmpException
{
    public SnmpDecodeException()
    {
    }

    public SnmpDecodeException(string message)
        : base(message)
    {
    }

    public SnmpDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
