using System.Diagnostics.CodeAnalysis;

namespace DataCenterOps.Monitoring.Profiles;

/// <summary>
/// The device profiles in use: those shipped inside the Monitoring assembly, each replaced by a site file of
/// the same name in the configured profiles folder (which may also add new ones). Every file is checked when
/// the catalog loads, so a broken map stops the start with a message naming the file and point.
/// </summary>
public sealed class ProfileCatalog
{
    private const string ResourcePrefix = "DataCenterOps.Monitoring.Profiles.Shipped.";
    private const string Extension = ".json";

    private readonly Dictionary<string, DeviceProfile> _profiles;

    private ProfileCatalog(Dictionary<string, DeviceProfile> profiles) => _profiles = profiles;

    /// <summary>Names of the profiles shipped with the application.</summary>
    public static IReadOnlyList<string> ShippedNames { get; } = typeof(ProfileCatalog).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(Extension, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^Extension.Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    public IReadOnlyCollection<DeviceProfile> Profiles => _profiles.Values;

    /// <summary>Loads the shipped profiles and, when <paramref name="siteDirectory"/> is given, the site's files over them.</summary>
    /// <exception cref="ProfileValidationException">A file is unreadable or breaks a rule; the message names it.</exception>
    public static ProfileCatalog Load(string? siteDirectory = null)
    {
        var profiles = new Dictionary<string, DeviceProfile>(StringComparer.Ordinal);
        var assembly = typeof(ProfileCatalog).Assembly;
        foreach (var name in ShippedNames)
        {
            var resource = ResourcePrefix + name + Extension;
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new ProfileValidationException(resource, null, "the shipped resource is missing.");
            profiles[name] = ProfileParser.Parse($"shipped:{name}{Extension}", name, stream);
        }

        if (!string.IsNullOrWhiteSpace(siteDirectory))
        {
            LoadSiteFiles(Path.GetFullPath(siteDirectory), profiles);
        }

        return new ProfileCatalog(profiles);
    }

    public bool TryGet(string name, [NotNullWhen(true)] out DeviceProfile? profile) =>
        _profiles.TryGetValue(name, out profile);

    /// <exception cref="ProfileNotFoundException">No profile has that name.</exception>
    public DeviceProfile Get(string name) =>
        TryGet(name, out var profile)
            ? profile
            : throw new ProfileNotFoundException($"No device profile named '{name}'. Known: {string.Join(", ", _profiles.Keys.Order(StringComparer.Ordinal))}.");

    private static void LoadSiteFiles(string directory, Dictionary<string, DeviceProfile> profiles)
    {
        if (!Directory.Exists(directory))
        {
            throw new ProfileValidationException(directory, null, "the configured profiles folder (Monitoring:ProfilesDirectory) does not exist.");
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension).Order(StringComparer.Ordinal))
        {
            try
            {
                using var stream = File.OpenRead(path);
                profiles[Path.GetFileNameWithoutExtension(path)] = ProfileParser.Parse(path, Path.GetFileNameWithoutExtension(path), stream);
            }
            catch (IOException ex)
            {
                throw new ProfileValidationException(path, null, $"cannot be read: {ex.Message}", ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ProfileValidationException(path, null, $"cannot be read: {ex.Message}", ex);
            }
        }
    }
}
