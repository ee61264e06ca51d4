using System.Globalization;
using DataCenterOps.Monitoring.Devices;

namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// Low/high warning and critical limits for one point of one device, giving the alarms
/// <c>threshold.POINT.high</c> and <c>threshold.POINT.low</c>. Holds the state hysteresis and on-delay need.
/// </summary>
internal sealed class ThresholdRule
{
    private readonly ThresholdSide _high;
    private readonly ThresholdSide _low;
    private readonly ThresholdOptions _limits;

    public ThresholdRule(string point, ThresholdOptions limits)
    {
        Point = point;
        _limits = limits;
        var hysteresis = limits.Hysteresis ?? 0;
        var delay = TimeSpan.FromSeconds(limits.OnDelaySeconds ?? 0);
        _high = new ThresholdSide(limits.HighWarning, limits.HighCritical, hysteresis, delay);
        _low = new ThresholdSide(-limits.LowWarning, -limits.LowCritical, hysteresis, delay);
        HighKey = AlarmKeys.ThresholdHigh(point);
        LowKey = AlarmKeys.ThresholdLow(point);
    }

    public string Point { get; }

    public string HighKey { get; }

    public string LowKey { get; }

    /// <summary>Evaluates a live value; a value that is not live leaves both alarms as they are.</summary>
    public void Evaluate(double? liveValue, string unit, DateTimeOffset now, List<AlarmCondition> into)
    {
        if (liveValue is not { } value || !double.IsFinite(value))
        {
            into.Add(AlarmCondition.Unknown(HighKey));
            into.Add(AlarmCondition.Unknown(LowKey));
            return;
        }

        var high = _high.Evaluate(value, now);
        var low = _low.Evaluate(-value, now);
        into.Add(high is { } h
            ? Describe(HighKey, h, value, unit, "above", h == AlarmSeverity.Critical ? _limits.HighCritical : _limits.HighWarning)
            : AlarmCondition.Inactive(HighKey));
        into.Add(low is { } l
            ? Describe(LowKey, l, value, unit, "below", l == AlarmSeverity.Critical ? _limits.LowCritical : _limits.LowWarning)
            : AlarmCondition.Inactive(LowKey));
    }

    private AlarmCondition Describe(string key, AlarmSeverity severity, double value, string unit, string side, double? limit)
    {
        var reading = value.ToString("0.##", CultureInfo.InvariantCulture);
        var bound = limit?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
        var message = string.Create(CultureInfo.InvariantCulture, $"{Point} {reading} {unit} {side} {bound} {unit}").Replace("  ", " ", StringComparison.Ordinal);
        var messageKey = side == "above" ? AlarmMessageKeys.ThresholdHigh : AlarmMessageKeys.ThresholdLow;
        return AlarmCondition.Active(key, severity, message, messageKey, Point, reading, unit, bound);
    }
}
