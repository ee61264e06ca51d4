using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>Section "Localization": Bahasa Indonesia by default, English on request.</summary>
public sealed class CultureOptions
{
    public const string SectionName = "Localization";

    [Required]
    public string DefaultCulture { get; set; } = "id-ID";

    public string[] SupportedCultures { get; set; } = ["id-ID", "en-US"];
}
