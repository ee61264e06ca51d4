using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// The alarm rule that watches a point which has no numeric limits (Monitoring/Alarms/StateRules), as a text key
/// (<c>Room.Rule.*</c>), so the device page says what applies instead of "—". Null: no rule watches the point.
/// </summary>
public static class PointRules
{
    public static string? RuleKey(DeviceKind kind, string point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return (kind, point) switch
        {
            (DeviceKind.Ups, "output.source") => "Room.Rule.OnBattery",
            (DeviceKind.Ups, "battery.status") => "Room.Rule.BatteryStatus",
            (DeviceKind.Ups, "alarms.present") => "Room.Rule.AlarmsPresent",
            (DeviceKind.Genset, "alarm.fail_to_start") => "Room.Rule.GenCommCritical",
            (DeviceKind.Genset, "alarm.mains_failed") => "Room.Rule.MainsFailed",
            (DeviceKind.Genset, _) when point.StartsWith("alarm.", StringComparison.Ordinal) => "Room.Rule.GenComm",
            (DeviceKind.Cooling, "alarm.water_leak") => "Room.Rule.CriticalWhenActive",
            (DeviceKind.Cooling, _) when point.StartsWith("alarm.", StringComparison.Ordinal) => "Room.Rule.WarningWhenActive",
            (DeviceKind.FireSuppression, "panel.state") => "Room.Rule.FirePanel",
            (DeviceKind.FireSuppression, "agent.low_pressure") => "Room.Rule.CriticalWhenActive",
            (DeviceKind.Environment, "leak") => "Room.Rule.CriticalWhenActive",
            (DeviceKind.Environment, "door") => "Room.Rule.DoorOpen",
            _ => null,
        };
    }
}
