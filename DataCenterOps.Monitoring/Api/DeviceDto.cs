namespace DataCenterOps.Monitoring.Api;

/// <summary>A device in <c>/api/v1/devices</c>: its polling status, every point's latest state and the site code it stands at.</summary>
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
    IReadOnlyList<PointDto> Points,
    string Site);
