namespace DataCenterOps.Monitoring.Snmp;

/// <summary>Base of every SNMP failure: timeouts, undecodable replies, agent error statuses.</summary>
public class SnmpException : Exception
{
    public SnmpException()
    {
    }

    public SnmpException(string message)
        : base(message)
    {
    }

    public SnmpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
