using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Web.Features.Room;

/// <summary>Derives a device's screen state from its polling status, its active alarms and maintenance work.</summary>
public static class DeviceStateClassifier
{
    /// <summary>
    /// Communication lost wins (its values cannot be trusted), then maintenance (alarms are expected while
    /// someone works on it), then the worst active alarm of the device; a device never answered is Unknown.
    /// </summary>
    public static DeviceVisualState Classify(DeviceSnapshot device, IEnumerable<Alarm> activeAlarms, bool inMaintenance)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(activeAlarms);
        if (device.Status.IsCommLost)
        {
            return DeviceVisualState.CommLost;
        }

        if (inMaintenance)
        {
            return DeviceVisualState.Maintenance;
        }

        AlarmSeverity? worst = null;
        foreach (var alarm in activeAlarms)
        {
            if (alarm.DeviceId == device.DeviceId && (worst is null || alarm.Severity > worst))
            {
                worst = alarm.Severity;
            }
        }

        return worst switch
        {
            AlarmSeverity.Critical => DeviceVisualState.Critical,
            AlarmSeverity.Warning => DeviceVisualState.Warning,
            _ when device.Status.LastSuccess is null => DeviceVisualState.Unknown,
            _ => DeviceVisualState.Normal,
        };
    }

    /// <summary>The most urgent of several states (a group tile takes its worst device's colour).</summary>
    public static DeviceVisualState Worst(IEnumerable<DeviceVisualState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var worst = DeviceVisualState.Normal;
        foreach (var state in states)
        {
            // A standby unit is the room working as designed: it does not colour its group.
            if (state != DeviceVisualState.Standby && state > worst)
            {
                worst = state;
            }
        }

        return worst;
    }
}
