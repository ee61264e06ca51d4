namespace DataCenterOps.Monitoring.LiveState;

/// <summary>How polling a device is going.</summary>
public sealed record DeviceStatus(
    string DeviceId,
    bool IsCommLost,
    int ConsecutiveMisses,
    DateTimeOffset? LastPoll,
    DateTimeOffset? LastSuccess,
    TimeSpan? LastPollDuration,
    string? LastError,
    long SuccessfulPolls,
    long FailedPolls)
{
    /// <summary>Answered at least once and not communication-lost.</summary>
    public bool IsUp => LastSuccess is not null && !IsCommLost;
}
