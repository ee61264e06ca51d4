namespace DataCenterOps.Monitoring.Snmp;

/// <summary>The agent answered with a non-zero error-status; <see cref="ErrorIndex"/> is 1-based (0: no particular varbind).</summary>
public sealed class SnmpErrorStatusException : SnmpException
{
    public SnmpErrorStatusException()
    {
    }

    public SnmpErrorStatusException(string message)
        : base(message)
    {
    }

    public SnmpErrorStatusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnmpErrorStatusException(SnmpErrorStatus errorStatus, int errorIndex, ObjectIdentifier? oid = null)
        : base(oid is { } o
            ? $"The agent answered {errorStatus} at varbind {errorIndex} ({o})."
            : $"The agent answered {errorStatus} (error-index {errorIndex}).")
    {
        ErrorStatus = errorStatus;
        ErrorIndex = errorIndex;
        Oid = oid;
    }

    public SnmpErrorStatus ErrorStatus { get; }

    public int ErrorIndex { get; }

    /// <summary>The OID the error-index points at, when it points at one.</summary>
    public ObjectIdentifier? Oid { get; }
}
