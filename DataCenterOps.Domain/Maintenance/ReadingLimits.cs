namespace DataCenterOps.Domain.Maintenance;

/// <summary>
/// What a reading can physically be, by its unit, whatever the template's range says: 99 999 V is not a UPS voltage,
/// −300 °C is not a room. A reading beyond these limits is most likely a typing or separator slip, so it is saved only
/// once the Pemeriksa has confirmed it. A unit not listed here has no physical limit (only "a finite number").
/// </summary>
public static class ReadingLimits
{
    // Keyed on the unit's first word ("% of rating" and "% RH" are percentages): generous bounds for a data-center room.
    private static readonly Dictionary<string, (double Min, double Max)> s_byUnit = new(StringComparer.OrdinalIgnoreCase)
    {
        ["V"] = (0, 1_000),
        ["A"] = (0, 10_000),
        ["Hz"] = (0, 100),
        ["%"] = (0, 200),
        ["°C"] = (-50, 150),
        ["kPa"] = (0, 2_000),
        ["kW"] = (0, 10_000),
        ["kVA"] = (0, 10_000),
        ["h"] = (0, 1_000_000),
        ["s"] = (0, 86_400),
    };

    /// <summary>The physical limits of a reading in <paramref name="unit"/>; null when the unit has none on record.</summary>
    public static (double Min, double Max)? Physical(string? unit)
    {
        var key = (unit ?? "").Trim().Split(' ', 2)[0];
        if (!s_byUnit.TryGetValue(key, out var limits))
        {
            return null;
        }

        // A relative humidity cannot pass 100 %, unlike a load.
        return unit!.Contains("RH", StringComparison.OrdinalIgnoreCase) ? (0, 100) : limits;
    }
}
