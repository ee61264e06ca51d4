using System.Diagnostics.CodeAnalysis;

namespace DataCenterOps.Monitoring.Profiles;

/// <summary>A device type's point map: what to read, where, and how to turn it into engineering values.</summary>
public sealed record DeviceProfile(
    string Name,
    DeviceProtocol Protocol,
    DeviceKind Kind,
    string Description,
    IReadOnlyList<ProfilePoint> Points)
{
    /// <summary>The points whose values make a poll worth trusting: those marked key, or all points when none is marked.</summary>
    public IReadOnlyList<ProfilePoint> KeyPoints => Points.Any(p => p.IsKey) ? [.. Points.Where(p => p.IsKey)] : Points;

    /// <summary>Where the profile was read from (a shipped resource name or a site file path).</summary>
    public string Source { get; init; } = "";

    public bool TryGetPoint(string pointName, [NotNullWhen(true)] out ProfilePoint? point)
    {
        foreach (var candidate in Points)
        {
            if (string.Equals(candidate.Name, pointName, StringComparison.Ordinal))
            {
                point = candidate;
                return true;
            }
        }

        point = null;
        return false;
    }

    public ProfilePoint GetPoint(string pointName) =>
        TryGetPoint(pointName, out var point)
            ? point
            : throw new ProfileNotFoundException($"Profile '{Name}' has no point '{pointName}'.");
}
