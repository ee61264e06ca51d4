namespace DataCenterOps.Monitoring.Energy;

/// <summary>
/// The energy an ever-growing counter (kWh) recorded over readings in time order: the sum of its increases. A reading
/// at or below half the highest one since the last reset is a reset (a meter replaced, a PDU's counter cleared): the
/// counter restarted from zero, so its new value is what it counted since. A smaller dip (a glitch, rounding of a
/// rollup) is ignored, and counting goes on from the highest reading, so nothing is counted twice.
/// </summary>
public static class EnergyCounter
{
    public static double Increase(IReadOnlyList<double> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return 0;
        }

        var total = 0.0;
        var high = readings[0];
        for (var i = 1; i < readings.Count; i++)
        {
            var value = readings[i];
            if (!double.IsFinite(value) || value < 0)
            {
                continue;
            }

            if (value >= high)
            {
                total += value - high;
                high = value;
            }
            else if (value <= high / 2)
            {
                total += value;
                high = value;
            }
        }

        return total;
    }
}
