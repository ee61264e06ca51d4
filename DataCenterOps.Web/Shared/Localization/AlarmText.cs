using System.Globalization;
using DataCenterOps.Monitoring.Alarms;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Shared.Localization;

/// <summary>An alarm's text in the current UI culture: the one wording for screens and notifications.</summary>
public static class AlarmText
{
    /// <summary>
    /// The alarm in the reader's language: its message key with its values (Room.AlarmMessage.*), else the text of its
    /// alarm key (Room.AlarmKey.*, Access.Alarm.* for the access register's), else the service's own (English) message.
    /// </summary>
    /// <param name="deviceName">The device's one name (the equipment registry's) where the message names the device;
    /// null keeps the name monitoring wrote into the alarm (its configured name).</param>
    public static string For(IStringLocalizer<Ui> l, Alarm alarm, string? deviceName = null)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(alarm);
        if (alarm.MessageKey is { } messageKey && alarm.MessageArguments is { } arguments)
        {
            var format = l["Room.AlarmMessage." + messageKey];
            if (!format.ResourceNotFound)
            {
                var values = arguments.Select(a => AlarmArgument(l, a)).ToArray();
                if (deviceName is not null && messageKey == AlarmMessageKeys.CommLost && values.Length > 0)
                {
                    values[0] = deviceName;
                }

                return string.Format(CultureInfo.CurrentCulture, format.Value, values);
            }
        }

        var text = l["Room.AlarmKey." + alarm.Key];
        if (!text.ResourceNotFound)
        {
            return text.Value;
        }

        // The access register's alarms carry their door: "access.unregistered@env-1".
        var at = alarm.Key.IndexOf('@', StringComparison.Ordinal);
        var access = l["Access.Alarm." + (at < 0 ? alarm.Key : alarm.Key[..at])];
        return access.ResourceNotFound ? alarm.Message : access.Value;
    }

    // Numbers come in the invariant culture and are shown in the reader's; point and alarm names have texts.
    private static string AlarmArgument(IStringLocalizer<Ui> l, string argument)
    {
        if (double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number.ToString("0.##", CultureInfo.CurrentCulture);
        }

        var name = l["Room.AlarmName." + argument];
        return name.ResourceNotFound ? argument.Replace('_', ' ') : name.Value;
    }
}
