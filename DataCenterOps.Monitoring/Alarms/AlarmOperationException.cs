namespace DataCenterOps.Monitoring.Alarms;

/// <summary>An alarm action that cannot be done, e.g. acknowledging an alarm that is not active; the message is for the user.</summary>
public sealed class AlarmOperationException : Exception
{
    public AlarmOperationException()
    {
    }

    public AlarmOperationException(string message)
        : base(message)
    {
    }

    public AlarmOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
