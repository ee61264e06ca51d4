using DataCenterOps.Domain.Access;
using DataCenterOps.Monitoring.Alarms;

namespace DataCenterOps.Web.Features.Access;

/// <summary>
/// Puts the access register's alarms among the room's alarms (dashboard, /metrics, acknowledge, history).
/// They live under the pseudo-device "access" so that no device's poll clears them.
/// </summary>
public sealed class MonitoringAccessAlarmSink(AlarmService alarms) : IAccessAlarmSink
{
    public const string AlarmSource = "access";

    public Task RaiseAsync(AccessAlarm alarm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        alarms.SetExternal(AlarmSource, AlarmCondition.Active(KeyOf(alarm.Source, alarm.Key), (AlarmSeverity)alarm.Severity, alarm.Message));
        return Task.CompletedTask;
    }

    public Task ClearAsync(string source, string key, CancellationToken cancellationToken)
    {
        alarms.SetExternal(AlarmSource, AlarmCondition.Inactive(KeyOf(source, key)));
        return Task.CompletedTask;
    }

    // The door's device keeps its alarms apart: "access.unregistered@env-1".
    private static string KeyOf(string source, string key) => source == AlarmSource ? key : $"{key}@{source}";
}
