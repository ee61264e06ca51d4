namespace DataCenterOps.Domain.Maintenance;

/// <summary>
/// What to verify: <paramref name="Rule"/> (<see cref="HistoryRules"/>) over the readings of monitored device
/// <paramref name="DeviceId"/> with from ≤ time &lt; to; <paramref name="Min"/>/<paramref name="Max"/> are the item's limits.
/// </summary>
public sealed record HistoryCheck(string Rule, string DeviceId, DateTime FromUtc, DateTime ToUtc, double? Min, double? Max);
