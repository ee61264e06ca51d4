using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Monitoring.Polling;

/// <summary>A device's profile points with its <c>ScaleOverrides</c> applied.</summary>
internal static class DeviceProfiles
{
    public static IReadOnlyList<ProfilePoint> PointsOf(ProfileCatalog catalog, DeviceOptions device)
    {
        var profile = catalog.Get(device.Profile);
        if (profile.Protocol != device.Protocol)
        {
            throw new ProfileValidationException(profile.Source, null, $"is a {profile.Protocol} profile but device '{device.Id}' is polled over {device.Protocol}.");
        }

        return [.. profile.Points.Select(p => device.ScaleOverrides.TryGetValue(p.Name, out var scale) ? p.WithScale(scale) : p)];
    }

    /// <summary>The reading of a good raw number: engineering value, and the state name for enumerated points.</summary>
    public static PointReading Good(ProfilePoint point, double raw)
    {
        var value = PointValue.FromRaw(point, raw);
        return new PointReading(point.Name, value.Value, value.State, point.Unit ?? "", PointQuality.Good);
    }

    public static PointReading Without(ProfilePoint point, PointQuality quality) =>
        new(point.Name, null, null, point.Unit ?? "", quality);
}
