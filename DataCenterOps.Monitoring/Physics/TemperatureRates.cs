using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Physics;

/// <summary>
/// Every environment sensor's temperature rate of change (°C per hour, signed) over <c>Room:RateWindowMinutes</c>,
/// fed by the alarm evaluator after each poll and read by the screens. Lives on the node that polls the sensor.
/// </summary>
public sealed class TemperatureRates(IOptions<RoomPhysicsOptions> options)
{
    /// <summary>The environment point whose rate is followed.</summary>
    public const string Point = "temperature";

    private readonly ConcurrentDictionary<string, RateWindow> _windows = new(StringComparer.Ordinal);

    public RoomPhysicsOptions Options => options.Value;

    /// <summary>The device's temperature rate in °C per hour (positive rising); null until the window has filled.</summary>
    public double? RateOf(string deviceId) => _windows.TryGetValue(deviceId, out var window) ? window.Rate : null;

    internal double? Add(string deviceId, DateTimeOffset at, double celsius) =>
        _windows.GetOrAdd(deviceId, _ => new RateWindow(options.Value.RateWindow)).Add(at, celsius);

}
