namespace DataCenterOps.Monitoring.Api;

/// <summary>A device in <c>/api/v1/devices</c>: its polling status and every point's latest state.</summary>
public sealed record DeviceDto(
    string Id,
    string Name,
    string Kind,
    string Protocol,
    bool Up,
    bool CommLost,
    DateTimeOffset? LastPoll,
    DateTimeOffset? LastSuccess,
    double? PollDurationMs,
    IReadOnlyList<PointDto> Points);
