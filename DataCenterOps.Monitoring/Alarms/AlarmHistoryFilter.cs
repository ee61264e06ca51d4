namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// Which alarms <see cref="AlarmService.GetHistoryAsync"/> returns, newest first. <see cref="DeviceIds"/> keeps only
/// those devices' alarms, <see cref="ExceptDeviceIds"/> leaves those out (a site's history: its devices, or for the
/// default site everything but the other sites' devices, so that alarms of sources without a device stay there).
/// </summary>
public sealed record AlarmHistoryFilter(
    string? DeviceId = null,
    string? Key = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 500,
    IReadOnlyCollection<string>? DeviceIds = null,
    IReadOnlyCollection<string>? ExceptDeviceIds = null);
