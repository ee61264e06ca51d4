using DataCenterOps.Domain.Access;
using DataCenterOps.Monitoring.Alarms;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Web.Features.Access;

/// <summary>
/// Puts the access register's alarms among the room's alarms (dashboard, /metrics, acknowledge, history). They live
/// under the pseudo-device of their site's room (<see cref="AccessAlarm.RoomSource"/>: "access" for the default site,
/// "access:CODE" for another), so that no device's poll clears them and every per-site screen, the API's
/// <c>?site=</c> and the /metrics <c>site</c> label put them under their own site.
/// </summary>
public sealed partial class MonitoringAccessAlarmSink(AlarmService alarms, ILogger<MonitoringAccessAlarmSink> logger) : IAccessAlarmSink
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

    /// <summary>
    /// The room's alarms are stored in monitoring.db and come back after a restart; one under an access pseudo-device
    /// that the cross-check does not hold (raised before its alarms were stored with it, i.e. before an upgrade) would
    /// never clear: it is cleared here. Only those raised before the cross-check read what it holds, so that an alarm
    /// another node raises meanwhile on a shared database is left alone.
    /// </summary>
    public Task ReconcileAsync(IReadOnlyCollection<AccessAlarm> held, DateTime asOfUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        var heldKeys = held.Select(a => (a.RoomSource, KeyOf(a))).ToHashSet();
        foreach (var orphan in alarms.GetActive().Where(a => IsAccessSource(a.DeviceId) && a.RaisedAt.UtcDateTime < asOfUtc && !heldKeys.Contains((a.DeviceId, a.Key))))
        {
            alarms.SetExternal(orphan.DeviceId, AlarmCondition.Inactive(orphan.Key));
            LogOrphanCleared(logger, orphan.Key, orphan.DeviceId);
        }

        return Task.CompletedTask;
    }

    private static bool IsAccessSource(string deviceId) =>
        deviceId == AccessAlarmKeys.RoomSource || deviceId.StartsWith(AccessAlarmKeys.RoomSource + ":", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Access alarm {Key} on {Source} cleared: the door cross-check does not hold it (raised before its alarms were kept with it, before an upgrade).")]
    private static partial void LogOrphanCleared(ILogger logger, string key, string source);

    // The door's device keeps its alarms apart: "access.unregistered@env-1"; the room's own alarm is its key alone.
    private static string KeyOf(AccessAlarm alarm) => alarm.Source == alarm.RoomSource ? alarm.Key : $"{alarm.Key}@{alarm.Source}";
}
