using System.Globalization;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Features.Room.Components.Resources;
using DataCenterOps.Web.Features.Room;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Room.Components;

/// <summary>Shared text and CSS class choices of the room screens, in the current culture.</summary>
public static class RoomFormat
{
    public static string StateClass(DeviceVisualState state) => state switch
    {
        DeviceVisualState.Critical => "room-state-critical",
        DeviceVisualState.Warning => "room-state-warning",
        DeviceVisualState.CommLost => "room-state-commlost",
        DeviceVisualState.Maintenance => "room-state-maintenance",
        DeviceVisualState.Unknown => "room-state-unknown",
        _ => "room-state-normal",
    };

    public static string StateText(IStringLocalizer<RoomText> l, DeviceVisualState state) => l["State." + state];

    public static string SeverityClass(AlarmSeverity severity) =>
        severity == AlarmSeverity.Critical ? "room-state-critical" : "room-state-warning";

    public static string SeverityText(IStringLocalizer<RoomText> l, AlarmSeverity severity) => l["Severity." + severity];

    /// <summary>A value with its unit ("23,4 °C" in id-ID), or the device's state word, translated when we know it.</summary>
    public static string Value(IStringLocalizer<RoomText> l, PointState? point, int decimals = 1)
    {
        if (point is null || (point.Value is null && point.Text is null))
        {
            return "—";
        }

        if (point.Text is { Length: > 0 } text)
        {
            var word = l["Enum." + text.ToLowerInvariant()];
            return word.ResourceNotFound ? text : word.Value;
        }

        var number = point.Value!.Value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);
        return string.IsNullOrEmpty(point.Unit) ? number : number + " " + point.Unit;
    }

    /// <summary>"5 s", "3 min", "2 j" — how old the data is.</summary>
    public static string Age(IStringLocalizer<RoomText> l, TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalSeconds < 90 ? l["Age.Seconds", (int)age.TotalSeconds]
            : age.TotalMinutes < 90 ? l["Age.Minutes", (int)age.TotalMinutes]
            : age.TotalHours < 48 ? l["Age.Hours", (int)age.TotalHours]
            : l["Age.Days", (int)age.TotalDays];
    }

    /// <summary>The alarm in the reader's language when its key is a known one, else the service's own message.</summary>
    public static string AlarmText(IStringLocalizer<RoomText> l, Alarm alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var text = l["AlarmKey." + alarm.Key];
        return text.ResourceNotFound ? alarm.Message : text.Value;
    }

    /// <summary>A device's name from live state, falling back to its id.</summary>
    public static string DeviceName(LiveStateStore liveState, string deviceId) => liveState.GetDevice(deviceId)?.Name ?? deviceId;
}
