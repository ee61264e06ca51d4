using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Devices;

namespace DataCenterOps.Monitoring.LiveState;

/// <summary>An immutable view of one device: its status and every point's latest state.</summary>
public sealed class DeviceSnapshot(DeviceOptions device, DeviceStatus status, IReadOnlyList<PointState> points)
{
    private readonly Dictionary<string, PointState> _byName = points.ToDictionary(p => p.Point, StringComparer.Ordinal);

    public string DeviceId => device.Id;

    public string Name => device.Name;

    public DeviceKind Kind => device.Kind;

    /// <summary>The site code from the device's settings; empty for the default site.</summary>
    public string Site => device.Site;

    public DeviceProtocol Protocol => device.Protocol;

    public DeviceStatus Status => status;

    /// <summary>The device's settings (secrets included: never serialise or show them).</summary>
    internal DeviceOptions Options => device;

    public IReadOnlyList<PointState> Points => points;

    public PointState? Find(string point) => _byName.GetValueOrDefault(point);

    /// <summary>The point's value if it is live, else null.</summary>
    public double? LiveValue(string point) => _byName.TryGetValue(point, out var p) && p.IsLive ? p.Value : null;
}
