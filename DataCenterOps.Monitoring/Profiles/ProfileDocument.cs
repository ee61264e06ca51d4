namespace DataCenterOps.Monitoring.Profiles;

/// <summary>A profile file as written (JSON); <see cref="ProfileParser"/> checks it and builds a <see cref="DeviceProfile"/>.</summary>
internal sealed class ProfileDocument
{
    public string? Name { get; set; }

    public string? Protocol { get; set; }

    public string? Kind { get; set; }

    public string? Description { get; set; }

    public List<ProfilePointDocument>? Points { get; set; }
}
