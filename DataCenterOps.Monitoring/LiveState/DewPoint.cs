namespace DataCenterOps.Monitoring.LiveState;

/// <summary>Dew point by the Magnus formula with Sonntag's (1990) constants, good to ±0.35 °C from −45 to 60 °C.</summary>
public static class DewPoint
{
    private const double B = 17.62;
    private const double C = 243.12;

    /// <summary>Dew point in °C from air temperature in °C and relative humidity in %; null when humidity is not in (0, 100].</summary>
    public static double? Compute(double temperatureCelsius, double relativeHumidityPercent)
    {
        if (!(relativeHumidityPercent is > 0 and <= 100) || !double.IsFinite(temperatureCelsius))
        {
            return null;
        }

        var gamma = Math.Log(relativeHumidityPercent / 100) + (B * temperatureCelsius / (C + temperatureCelsius));
        return C * gamma / (B - gamma);
    }
}
