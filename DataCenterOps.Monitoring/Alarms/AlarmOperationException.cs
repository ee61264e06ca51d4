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

    /// <summary>A refusal with a key for its text in the reader's language and the values it shows.</summary>
    public AlarmOperationException(string message, string messageKey, params string[] arguments)
        : base(message)
    {
        MessageKey = messageKey;
        Arguments = arguments ?? [];
    }

    /// <summary>The text's key (e.g. <c>NotActive</c>); null when raised without one.</summary>
    public string? MessageKey { get; }

    /// <summary>The values of the text, in order.</summary>
    public IReadOnlyList<string> Arguments { get; } = [];
}
