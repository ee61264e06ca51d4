using System.Globalization;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
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

    public static string StateText(IStringLocalizer<Ui> l, DeviceVisualState state) => l["Room.State." + state];

    public static string SeverityClass(AlarmSeverity severity) =>
        severity == AlarmSeverity.Critical ? "room-state-critical" : "room-state-warning";

    public static string SeverityText(IStringLocalizer<Ui> l, AlarmSeverity severity) => l["Room.Severity." + severity];

    /// <summary>A value with its unit ("23,4 °C" in id-ID), or the device's state word, translated when we know it.</summary>
    public static string Value(IStringLocalizer<Ui> l, PointState? point, int decimals = 1)
    {
        if (point is null || (point.Value is null && point.Text is null))
        {
            return "—";
        }

        if (point.Text is { Length: > 0 } text)
        {
            var word = l["Room.Enum." + text.ToLowerInvariant()];
            return word.ResourceNotFound ? text : word.Value;
        }

        var number = point.Value!.Value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);
        var unit = Unit(l, point.Unit);
        return string.IsNullOrEmpty(unit) ? number : number + " " + unit;
    }

    /// <summary>A rate of change with its sign, "+2,4 °C/jam" in id-ID; "—" while not known.</summary>
    public static string Rate(IStringLocalizer<Ui> l, double? celsiusPerHour)
    {
        ArgumentNullException.ThrowIfNull(l);
        return celsiusPerHour is { } rate
            ? rate.ToString("+0.0;-0.0;0.0", CultureInfo.CurrentCulture) + " " + l["Room.Unit.CelsiusPerHour"]
            : "—";
    }

    /// <summary>A unit in the reader's language where it differs ("min" → "mnt"); symbols (°C, %, V) stay as they are.</summary>
    public static string Unit(IStringLocalizer<Ui> l, string? unit)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (string.IsNullOrEmpty(unit))
        {
            return "";
        }

        var text = l["Room.Unit." + unit];
        return text.ResourceNotFound ? unit : text.Value;
    }

    /// <summary>A point's human name ("Suhu udara suplai"), else its profile name with spaces.</summary>
    public static string PointName(IStringLocalizer<Ui> l, string point)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(point);
        var text = l["Room.PointName." + point];
        return text.ResourceNotFound ? point.Replace('_', ' ').Replace('.', ' ') : text.Value;
    }

    /// <summary>"5 s", "3 min", "2 j" — how old the data is.</summary>
    public static string Age(IStringLocalizer<Ui> l, TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalSeconds < 90 ? l["Room.Age.Seconds", (int)age.TotalSeconds]
            : age.TotalMinutes < 90 ? l["Room.Age.Minutes", (int)age.TotalMinutes]
            : age.TotalHours < 48 ? l["Room.Age.Hours", (int)age.TotalHours]
            : l["Room.Age.Days", (int)age.TotalDays];
    }

    /// <summary>The alarm in the reader's language (<see cref="Shared.Localization.AlarmText"/>).</summary>
    /// <summary>The alarm's text with the device under its one name (the registry's), as the rest of the room screens show it.</summary>
    public static string AlarmText(IStringLocalizer<Ui> l, Alarm alarm, RoomNames names) =>
        Shared.Localization.AlarmText.For(l, alarm, names.Of(alarm.DeviceId));

    /// <summary>
    /// Who acknowledged, as a person's name: the display name stored with the alarm; for acknowledgements from
    /// before names were stored, the account without its mail domain (never a whole e-mail address on screen).
    /// </summary>
    public static string AcknowledgedByText(Alarm alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        if (alarm.AcknowledgedByName is { Length: > 0 } name)
        {
            return name;
        }

        var account = alarm.AcknowledgedBy ?? "";
        var at = account.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? account[..at] : account;
    }
}
