using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Monitoring.Polling;

/// <summary>Points derived from read ones: an environment device's <c>dew_point</c> from <c>temperature</c> and <c>humidity</c>.</summary>
public static class ComputedPoints
{
    public const string DewPointName = "dew_point";

    public static IReadOnlyList<PointReading> Add(DeviceKind kind, IReadOnlyList<PointReading> readings)
    {
        if (kind != DeviceKind.Environment)
        {
            return readings;
        }

        PointReading? temperature = null;
        PointReading? humidity = null;
        foreach (var reading in readings)
        {
            if (reading.Point == "temperature")
            {
                temperature = reading;
            }
            else if (reading.Point == "humidity")
            {
                humidity = reading;
            }
        }

        if (temperature is null || humidity is null)
        {
            return readings;
        }

        var unit = temperature.Unit;
        PointReading dewPoint;
        if (temperature.Quality != PointQuality.Good)
        {
            dewPoint = new PointReading(DewPointName, null, null, unit, temperature.Quality);
        }
        else if (humidity.Quality != PointQuality.Good)
        {
            dewPoint = new PointReading(DewPointName, null, null, unit, humidity.Quality);
        }
        else
        {
            var value = temperature.Value is { } t && humidity.Value is { } h ? DewPoint.Compute(t, h) : null;
            dewPoint = new PointReading(DewPointName, value is { } v ? Math.Round(v, 2) : null, null, unit, value is null ? PointQuality.SensorFault : PointQuality.Good);
        }

        return [.. readings, dewPoint];
    }
}
