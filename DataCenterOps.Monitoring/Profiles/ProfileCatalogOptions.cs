namespace DataCenterOps.Monitoring.Profiles;

/// <summary>Where a site keeps its own profile files (section "Monitoring"); files there replace shipped profiles of the same name.</summary>
public sealed class ProfileCatalogOptions
{
    public const string SectionName = "Monitoring";

    /// <summary>Optional folder of site profile files (*.json); relative paths are taken from the working directory.</summary>
    public string? ProfilesDirectory { get; set; }
}
