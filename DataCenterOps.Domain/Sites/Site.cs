namespace DataCenterOps.Domain.Sites;

/// <summary>
/// A data center site (the province DC, its disaster-recovery site, a regency server room). It owns its rooms,
/// equipment, devices, access register and the Surat Tugas issued for it. Configured under <c>Sites</c>.
/// </summary>
public sealed class Site
{
    /// <summary>The site every existing row belongs to and every single-site installation has; its code comes from <c>Sites:Default:Code</c>.</summary>
    public static readonly Guid DefaultId = new("5e7e0000-0000-4000-8000-000000000001");

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Short unique code, e.g. <c>DC-KALTIM</c>; what devices (<c>Monitoring:Devices:N:Site</c>) and <c>?site=</c> name.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    /// <summary>IANA time zone id, e.g. <c>Asia/Makassar</c>.</summary>
    public string TimeZone { get; set; } = "Asia/Makassar";

    public bool IsDefault => Id == DefaultId;
}
