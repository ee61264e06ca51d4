using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Monitoring.Commissioning;

/// <summary>
/// The physical ranges a reading can sensibly have, by point kind and unit — one small table, first row that fits
/// wins. A value outside is not an alarm but a commissioning hint: most often the vendor scales by another power
/// of ten than the profile (LibreNMS #1254, #5364, #8306: a 271.6 V battery string read as 2,716 V).
/// </summary>
internal static class PlausibleRanges
{
    private static readonly Row[] Rows =
    [
        new("coolant.", "°C", -40, 150),        // engine coolant runs at 80–95 °C, above a room's range
        new("oil.", "°C", -40, 150),
        new(null, "°C", -20, 80),
        new(null, "V", 0, 1000),
        new(null, "A", 0, 5000),
        new(null, "Hz", 40, 70, ZeroAllowed: true),  // 0 Hz: no supply (mains failed, genset stopped)
        new(null, "%", 0, 100),
        new(null, "kPa", 0, 1000),
        new(null, "bar", 0, 300),
        new(null, "rpm", 0, 4000),
        new(null, "min", 0, 10_080),             // a week of runtime
        new(null, "s", 0, 31_536_000),
        new(null, "h", 0, 500_000),
    ];

    private static readonly int[] Factors = [10, 100, 1000];

    /// <summary>Null when the value is plausible (or nothing is known about its unit), else what is wrong and a hint.</summary>
    public static string? Check(ProfilePoint point, double value) => Find(point, value)?.Describe(point);

    /// <summary>Null when the value is plausible, else the finding (range, and the power of ten that would make it fit).</summary>
    public static PlausibilityFinding? Find(ProfilePoint point, double value)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.IsEnumerated)
        {
            var raw = point.ToRaw(value);
            return point.StateOf(raw) is null ? new PlausibilityFinding(raw, 0, 0, "", null, null) : null;
        }

        var row = Array.Find(Rows, r => string.Equals(r.Unit, point.Unit, StringComparison.Ordinal)
            && (r.PointPrefix is null || point.Name.StartsWith(r.PointPrefix, StringComparison.Ordinal)));
        if (row is null || row.Contains(value))
        {
            return null;
        }

        foreach (var factor in Factors)
        {
            if (row.Contains(value / factor) && value / factor != 0)
            {
                return new PlausibilityFinding(null, row.Min, row.Max, row.Unit, factor, point.Scale / factor);
            }

            if (row.Contains(value * factor))
            {
                return new PlausibilityFinding(null, row.Min, row.Max, row.Unit, 1.0 / factor, point.Scale * factor);
            }
        }

        return new PlausibilityFinding(null, row.Min, row.Max, row.Unit, null, null);
    }

    private sealed record Row(string? PointPrefix, string Unit, double Min, double Max, bool ZeroAllowed = false)
    {
        public bool Contains(double value) => (value >= Min && value <= Max) || (ZeroAllowed && value == 0);
    }
}
