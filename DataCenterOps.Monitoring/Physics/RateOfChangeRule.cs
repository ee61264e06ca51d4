using System.Globalization;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Monitoring.Physics;

/// <summary>
/// ASHRAE TC9.9's rate of change: an environment sensor whose temperature changes (up or down) faster than
/// <see cref="RoomPhysicsOptions.MaxRatePerHour"/> over the rolling window raises <see cref="AlarmKeys.TemperatureRateOfChange"/>
/// (warning). It clears once the rate is back under 80 % of the limit, so a rate hovering at the limit does not flap.
/// </summary>
internal static class RateOfChangeRule
{
    public const string Point = TemperatureRates.Point;
    private const double ClearBelow = 0.8;

    public static void Evaluate(DeviceSnapshot device, TemperatureRates rates, List<AlarmCondition> into)
    {
        if (device.Kind != DeviceKind.Environment || device.Find(Point) is not { } point)
        {
            return;
        }

        var key = AlarmKeys.TemperatureRateOfChange;
        if (!point.IsLive || point.Value is not { } celsius)
        {
            into.Add(AlarmCondition.Unknown(key));
            return;
        }

        if (rates.Add(device.DeviceId, point.Timestamp, celsius) is not { } rate)
        {
            into.Add(AlarmCondition.Unknown(key));
            return;
        }

        var limit = rates.Options.MaxRatePerHour;
        var magnitude = Math.Abs(rate);
        if (magnitude > limit)
        {
            var shown = rate.ToString("0.0", CultureInfo.InvariantCulture);
            var bound = limit.ToString("0.##", CultureInfo.InvariantCulture);
            into.Add(AlarmCondition.Active(key, AlarmSeverity.Warning,
                $"Temperature changing {shown} °C/h, faster than {bound} °C/h", AlarmMessageKeys.TemperatureRateOfChange, shown, bound));
        }
        else if (magnitude <= limit * ClearBelow)
        {
            into.Add(AlarmCondition.Inactive(key));
        }
        else
        {
            into.Add(AlarmCondition.Unknown(key)); // between the clear and raise levels: stays as it is
        }
    }
}
