using DataCenterOps.Domain.Access;
using DataCenterOps.Monitoring.Alarms;

namespace DataCenterOps.Web.Features.Access;

/// <summary>
/// Puts the access register's alarms among the room's alarms (dashboard, /metrics, acknowledge, history). They live
/// under the pseudo-device of their site's room (<see cref="AccessAlarm.RoomSource"/>: "access" for the default site,
/// "access:CODE" for another), so that no device's poll clears them and every per-site screen, the API's
/// <c>?site=</c> and the /metrics <c>site</c> label put them under their own site.
/// </summary>
public sealed class MonitoringAccessAlarmSink(AlarmService alarms) : IAccessAlarmSink
{
    /// <summary>The default site's pseudo-device (another site's is <c>access:CODE</c>).</summary>
    public const string AlarmSource = AccessAlarmKeys.RoomSource;

    public Task RaiseAsync(AccessAlarm alarm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        alarms.SetExternal(alarm.RoomSource, AlarmCondition.Active(KeyOf(alarm), (AlarmSeverity)alarm.Severity, alarm.Message));
        return Task.CompletedTask;
    }

    public Task ClearAsync(AccessAlarm raised, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raised);
        alarms.SetExternal(raised.RoomSource, AlarmCondition.Inactive(KeyOf(raised)));
        return Task.CompletedTask;
    }

    // The door's device keeps its alarms apart: "access.unregistered@env-1"; the room's own alarm is its key alone.
    private static string KeyOf(AccessAlarm alarm) => alarm.Source == alarm.RoomSource ? alarm.Key : $"{alarm.Key}@{alarm.Source}";
}
