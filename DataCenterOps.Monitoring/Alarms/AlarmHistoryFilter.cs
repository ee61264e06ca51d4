namespace DataCenterOps.Monitoring.Alarms;

/// <summary>Which alarms <see cref="AlarmService.GetHistoryAsync"/> returns, newest first.</summary>
public sealed record AlarmHistoryFilter(
    string? DeviceId = null,
    string? Key = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 500);
