namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>
/// Which stored incidents <see cref="IncidentService.ListAsync"/> returns, newest first: opened in [From, To), in a state.
/// As in <see cref="AlarmHistoryFilter"/>, <see cref="DeviceIds"/> keeps the incidents with an alarm on one of those
/// devices, <see cref="ExceptDeviceIds"/> leaves out those whose alarms are all on those devices (a site's incidents:
/// its devices', or for the default site everything but the other sites' devices').
/// </summary>
public sealed record IncidentFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    IncidentState? State = null,
    int Limit = 200,
    IReadOnlyCollection<string>? DeviceIds = null,
    IReadOnlyCollection<string>? ExceptDeviceIds = null);
