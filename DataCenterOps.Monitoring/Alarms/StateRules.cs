using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// Alarms read from state points, per device kind. Point names are the profiles' fixed names. A rule whose input
/// is not live gives Unknown, so an alarm is neither raised nor cleared on stale data.
/// </summary>
internal static class StateRules
{
    // RFC 1628 upsOutputSource and upsBatteryStatus codes (for profiles that name no states).
    private const double OutputSourceBattery = 5;
    private const double BatteryStatusLow = 3;
    private const double BatteryStatusDepleted = 4;

    // GenComm alarm codes: 2 warning, 3 shutdown, 4 electrical trip (0/1 off, 15 not implemented).
    private const double GenCommWarning = 2;
    private const double GenCommShutdown = 3;
    private const double GenCommLast = 4;

    public static void Evaluate(DeviceSnapshot device, DeviceOptions options, List<AlarmCondition> into)
    {
        switch (device.Kind)
        {
            case DeviceKind.Ups:
                Ups(device, into);
                break;
            case DeviceKind.Genset:
                Genset(device, options, into);
                break;
            case DeviceKind.Cooling:
                Cooling(device, into);
                break;
            case DeviceKind.FireSuppression:
                Fire(device, into);
                break;
            case DeviceKind.Environment:
                Flag(device, "leak", AlarmKeys.WaterLeak, AlarmSeverity.Critical, "Water leak detected", into);
                Flag(device, "door", AlarmKeys.DoorOpen, AlarmSeverity.Warning, "Door open", into);
                break;
        }

        foreach (var point in device.Points)
        {
            if (point.Quality == PointQuality.SensorFault)
            {
                into.Add(AlarmCondition.Active(AlarmKeys.SensorFault(point.Point), AlarmSeverity.Warning, $"Sensor fault on {point.Point}", AlarmMessageKeys.SensorFault, point.Point));
            }
            else if (point.Quality is PointQuality.Good or PointQuality.NotAvailable)
            {
                into.Add(AlarmCondition.Inactive(AlarmKeys.SensorFault(point.Point)));
            }
        }
    }

    private static void Ups(DeviceSnapshot device, List<AlarmCondition> into)
    {
        // By state name, so that a vendor MIB with its own codes (PowerNet's onBattery is 3) raises the same alarms;
        // a profile without state names falls back to the RFC 1628 codes.
        StateRule(device, "output.source", "battery", OutputSourceBattery, AlarmKeys.UpsOnBattery, "UPS on battery", into);
        StateRule(device, "battery.status", "low", BatteryStatusLow, AlarmKeys.UpsBatteryLow, "UPS battery low", into);
        StateRule(device, "battery.status", "depleted", BatteryStatusDepleted, AlarmKeys.UpsBatteryDepleted, "UPS battery depleted", into);
        Rule(device, "alarms.present", AlarmKeys.UpsAlarmsPresent, v => v > 0, AlarmSeverity.Warning, "UPS reports alarms present", into);
    }

    private static void Genset(DeviceSnapshot device, DeviceOptions options, List<AlarmCondition> into)
    {
        Rule(device, "alarm.fail_to_start", AlarmKeys.GensetFailToStart, IsGenCommActive, AlarmSeverity.Critical, "Genset failed to start", into);

        // Mains failed: the controller's own alarm, or its mains voltage measurement below the limit.
        var mainsAlarm = device.LiveValue("alarm.mains_failed");
        var mainsVolts = device.LiveValue("mains.voltage.l1");
        var below = options.Thresholds.GetValueOrDefault("mains.voltage.l1")?.LowCritical ?? DefaultThresholds.MainsFailedBelowVolts;
        var failed = (mainsAlarm is { } a && IsGenCommActive(a)) || mainsVolts < below;
        var known = mainsAlarm is not null || mainsVolts is not null;
        into.Add(known
            ? AlarmCondition.When(failed, AlarmKeys.MainsFailed, AlarmSeverity.Critical, "Mains failed")
            : AlarmCondition.Unknown(AlarmKeys.MainsFailed));

        foreach (var point in device.Points)
        {
            if (!point.Point.StartsWith("alarm.", StringComparison.Ordinal) || point.Point is "alarm.fail_to_start" or "alarm.mains_failed")
            {
                continue;
            }

            var name = point.Point["alarm.".Length..];
            var key = AlarmKeys.GensetAlarm(name);
            var code = point.IsLive ? point.Value : null;
            into.Add(code switch
            {
                null => AlarmCondition.Unknown(key),
                >= GenCommShutdown and <= GenCommLast => AlarmCondition.Active(key, AlarmSeverity.Critical, $"Genset shutdown alarm: {name}", AlarmMessageKeys.GensetShutdown, name),
                GenCommWarning => AlarmCondition.Active(key, AlarmSeverity.Warning, $"Genset warning: {name}", AlarmMessageKeys.GensetWarning, name),
                _ => AlarmCondition.Inactive(key),
            });
        }
    }

    private static void Cooling(DeviceSnapshot device, List<AlarmCondition> into)
    {
        foreach (var point in device.Points)
        {
            if (!point.Point.StartsWith("alarm.", StringComparison.Ordinal))
            {
                continue;
            }

            var name = point.Point["alarm.".Length..];
            if (name == "water_leak")
            {
                Flag(device, point.Point, AlarmKeys.WaterLeak, AlarmSeverity.Critical, "Water leak under the cooling unit", into);
            }
            else
            {
                Flag(device, point.Point, AlarmKeys.CoolingAlarm(name), AlarmSeverity.Warning, $"Cooling unit alarm: {name}", into, AlarmMessageKeys.CoolingAlarm, name);
            }
        }
    }

    private static void Fire(DeviceSnapshot device, List<AlarmCondition> into)
    {
        var state = device.Find("panel.state");
        FirePanelState? panel = state is { IsLive: true } ? FirePanelStates.Parse(state.Text, state.Value) : null;
        FireState(panel, FirePanelState.PreAlarm, AlarmKeys.FirePreAlarm, AlarmSeverity.Warning, "Fire panel pre-alarm", into);
        FireState(panel, FirePanelState.Alarm, AlarmKeys.FireAlarm, AlarmSeverity.Critical, "Fire alarm", into);
        FireState(panel, FirePanelState.Released, AlarmKeys.FireReleased, AlarmSeverity.Critical, "Extinguishing agent released", into);
        FireState(panel, FirePanelState.Fault, AlarmKeys.FireFault, AlarmSeverity.Warning, "Fire panel fault", into);
        FireState(panel, FirePanelState.Disabled, AlarmKeys.FireDisabled, AlarmSeverity.Warning, "Fire panel disabled", into);
        Flag(device, "agent.low_pressure", AlarmKeys.FireAgentLowPressure, AlarmSeverity.Critical, "Extinguishing agent low pressure", into);
    }

    private static void FireState(FirePanelState? panel, FirePanelState wanted, string key, AlarmSeverity severity, string message, List<AlarmCondition> into) =>
        into.Add(panel is null ? AlarmCondition.Unknown(key) : AlarmCondition.When(panel == wanted, key, severity, message));

    private static bool IsGenCommActive(double code) => code is >= GenCommWarning and <= GenCommLast;

    private static void Flag(
        DeviceSnapshot device, string point, string key, AlarmSeverity severity, string message, List<AlarmCondition> into, string? messageKey = null, params string[] arguments) =>
        Rule(device, point, key, v => v != 0, severity, message, into, messageKey, arguments);

    private static void StateRule(DeviceSnapshot device, string point, string state, double rfc1628Code, string key, string message, List<AlarmCondition> into)
    {
        if (device.Find(point) is not { } found)
        {
            return;
        }

        into.Add(found is { IsLive: true, Value: { } value }
            ? AlarmCondition.When(found.Text is { } text ? text == state : value == rfc1628Code, key, AlarmSeverity.Critical, message)
            : AlarmCondition.Unknown(key));
    }

    private static void Rule(
        DeviceSnapshot device, string point, string key, Func<double, bool> isActive, AlarmSeverity severity, string message, List<AlarmCondition> into,
        string? messageKey = null, params string[] arguments)
    {
        if (device.Find(point) is null)
        {
            return;
        }

        into.Add(device.LiveValue(point) is { } value
            ? isActive(value) ? new AlarmCondition(key, severity, message, MessageKey: messageKey, MessageArguments: messageKey is null ? null : arguments) : AlarmCondition.Inactive(key)
            : AlarmCondition.Unknown(key));
    }
}
