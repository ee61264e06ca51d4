namespace DataCenterOps.Monitoring.Commissioning;

/// <summary>The probe's command line cannot be used as given (exit code 2); the message says what to change.</summary>
public sealed class ProbeUsageException : Exception
{
    public ProbeUsageException()
    {
    }

    public ProbeUsageException(string message)
        : base(message)
    {
    }

    public ProbeUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
