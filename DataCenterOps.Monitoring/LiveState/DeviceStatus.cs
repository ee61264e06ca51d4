namespace DataCenterOps.Monitoring.LiveState;

/// <summary>
/// How polling a device is going. <see cref="PollsWithoutValidData"/> counts polls in a row (missed, or answered with
/// no usable value for any of the profile's key points); as many as make a device communication-lost make it
/// <see cref="IsNoValidData"/> while it still answers, so a device sending well-formed nonsense is neither shown as up
/// nor flaps between lost and found.
/// </summary>
public sealed record DeviceStatus(
    string DeviceId,
    bool IsCommLost,
    int ConsecutiveMisses,
    DateTimeOffset? LastPoll,
    DateTimeOffset? LastSuccess,
    TimeSpan? LastPollDuration,
    string? LastError,
    long SuccessfulPolls,
    long FailedPolls,
    int PollsWithoutValidData = 0,
    bool IsNoValidData = false)
{
    /// <summary>Answered at least once, not communication-lost and giving valid data.</summary>
    public bool IsUp => LastSuccess is not null && !IsCommLost && !IsNoValidData;
}
