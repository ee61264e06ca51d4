using System.Text.Json;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;

namespace DataCenterOps.Domain.Facilities;

/// <summary>
/// A commissioned device's per-point scale overrides in their stored form: one JSON object, point names in ordinal
/// order, e.g. <c>{"battery.voltage":0.01}</c> (provider-neutral text, the same on SQLite and PostgreSQL).
/// </summary>
internal static class PointScales
{
    public const int MaxTextLength = 4000;
    public const int MaxPointNameLength = 100;

    /// <summary>The stored text, or null when there is no override.</summary>
    /// <exception cref="SopRuleViolationException">A point name is empty or too long, a multiplier is zero or not finite, or the whole is too long.</exception>
    public static string? Format(IReadOnlyDictionary<string, double>? scales)
    {
        if (scales is not { Count: > 0 })
        {
            return null;
        }

        var ordered = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (point, scale) in scales)
        {
            var name = SopGuard.Text(point, MaxPointNameLength, "ScalePoint");
            if (!double.IsFinite(scale) || scale == 0)
            {
                throw new SopRuleViolationException(SopError.InvalidInput,
                    $"The scale of point '{name}' must be a finite number other than zero.", "ScaleInvalid", name);
            }

            ordered[name] = scale;
        }

        var text = JsonSerializer.Serialize(ordered);
        return text.Length <= MaxTextLength
            ? text
            : throw new SopRuleViolationException(SopError.InvalidInput,
                $"ScaleOverrides is longer than {MaxTextLength} characters.", "TooLong", "ScaleOverrides", MaxTextLength);
    }

    /// <summary>The overrides of a stored text (empty for null).</summary>
    public static Dictionary<string, double> Parse(string? text) =>
        string.IsNullOrEmpty(text)
            ? new Dictionary<string, double>(StringComparer.Ordinal)
            : new Dictionary<string, double>(JsonSerializer.Deserialize<Dictionary<string, double>>(text) ?? [], StringComparer.Ordinal);
}
