using System.Globalization;
using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Monitoring.Commissioning;

/// <summary>
/// Why a probed value is implausible: an enumerated <see cref="UnknownCode"/>, or a value outside
/// <see cref="Min"/>…<see cref="Max"/> <see cref="Unit"/>. <see cref="Factor"/> is how far off it looks (10 = ten times
/// too large, 0.1 = ten times too small) and <see cref="SuggestedScale"/> the ScaleOverrides value that would fix it.
/// </summary>
public sealed record PlausibilityFinding(double? UnknownCode, double Min, double Max, string Unit, double? Factor, double? SuggestedScale)
{
    /// <summary>The probe command's English text.</summary>
    public string Describe(ProfilePoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (UnknownCode is { } code)
        {
            return string.Create(CultureInfo.InvariantCulture, $"IMPLAUSIBLE: code {code} is not a known state");
        }

        var range = string.Create(CultureInfo.InvariantCulture, $"IMPLAUSIBLE: outside {Min}…{Max} {Unit}");
        if (Factor is not { } factor || SuggestedScale is not { } scale)
        {
            return range;
        }

        var hint = factor >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"×{factor}?")
            : string.Create(CultureInfo.InvariantCulture, $"÷{Math.Round(1 / factor)}?");
        return string.Create(CultureInfo.InvariantCulture, $"{range}, check the scale ({hint}): ScaleOverrides \"{point.Name}\": {scale:0.##########}");
    }
}
