namespace DataCenterOps.Monitoring.Traps;

/// <summary>A security processor refused a well-formed, authenticated notification for a reason of its own (counted as <see cref="Reason"/>).</summary>
public sealed class TrapRefusedException : Exception
{
    public TrapRefusedException()
    {
    }

    public TrapRefusedException(string message)
        : base(message)
    {
    }

    public TrapRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TrapRefusedException(TrapDropReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public TrapDropReason Reason { get; } = TrapDropReason.AuthFailed;
}
