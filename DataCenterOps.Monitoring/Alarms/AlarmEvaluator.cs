using System.Collections.Concurrent;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Physics;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Alarms;

/// <summary>
/// Turns a device snapshot into alarm conditions: communication loss, the kind's state rules and threshold rules
/// (defaults for the kind layered under the device's own <c>Thresholds</c>). Threshold state lives here, one set
/// per device; each device is evaluated from its own poll loop only, so that state needs no lock.
/// </summary>
public sealed class AlarmEvaluator(IOptions<MonitoringOptions> options, TemperatureRates? rates = null)
{
    private readonly TemperatureRates _rates = rates ?? new TemperatureRates(Options.Create(new RoomPhysicsOptions()));

    private readonly ConcurrentDictionary<string, ThresholdRule[]> _thresholds = new(StringComparer.Ordinal);

    /// <summary>
    /// Evaluates every rule. Returns false when the device is not answering, or answers without valid data: then only
    /// <c>comm_lost</c> and <c>device.no_valid_data</c> are decided and every other alarm must stay as it is.
    /// </summary>
    public bool Evaluate(DeviceSnapshot device, DateTimeOffset now, List<AlarmCondition> into)
    {
        var config = options.Value.Find(device.DeviceId) ?? device.Options; // devices added while running (DeviceCatalog)
        if (device.Status.IsCommLost)
        {
            into.Add(AlarmCondition.Active(
                AlarmKeys.CommLost,
                AlarmSeverity.Critical,
                $"No answer from {device.Name} ({device.Status.ConsecutiveMisses} polls missed)",
                AlarmMessageKeys.CommLost,
                device.Name,
                device.Status.ConsecutiveMisses.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            into.Add(AlarmCondition.Inactive(AlarmKeys.NoValidData)); // silence supersedes nonsense
            return false;
        }

        into.Add(AlarmCondition.Inactive(AlarmKeys.CommLost));
        if (device.Status.IsNoValidData)
        {
            into.Add(AlarmCondition.Active(AlarmKeys.NoValidData, AlarmSeverity.Critical,
                $"{device.Name} answers but gives no valid data ({device.Status.PollsWithoutValidData} polls without a usable value)"));
            return false;
        }

        into.Add(AlarmCondition.Inactive(AlarmKeys.NoValidData));
        if (device.Status.LastSuccess is null)
        {
            return false;
        }

        StateRules.Evaluate(device, config, into);
        foreach (var rule in _thresholds.GetOrAdd(device.DeviceId, _ => BuildThresholds(config)))
        {
            if (device.Find(rule.Point) is { } point)
            {
                rule.Evaluate(point.IsLive ? point.Value : null, point.Unit, now, into);
            }
        }

        RateOfChangeRule.Evaluate(device, _rates, into);

        return true;
    }

    private static ThresholdRule[] BuildThresholds(DeviceOptions device)
    {
        var defaults = DefaultThresholds.For(device.Kind);
        return [.. defaults.Keys.Union(device.Thresholds.Keys, StringComparer.Ordinal)
            .Select(point => new ThresholdRule(
                point,
                device.Thresholds.TryGetValue(point, out var own) ? own.OverDefaults(defaults.GetValueOrDefault(point)) : defaults[point]))];
    }
}
