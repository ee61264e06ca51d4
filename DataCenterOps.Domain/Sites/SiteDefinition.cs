using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Domain.Sites;

/// <summary>One site as configured (<c>Sites:Default</c> or <c>Sites:N</c>).</summary>
public sealed class SiteDefinition
{
    [Required, MaxLength(32), RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    public string Code { get; set; } = "";

    [MaxLength(200)]
    public string Name { get; set; } = "";

    [MaxLength(500)]
    public string Address { get; set; } = "";

    [MaxLength(64)]
    public string TimeZone { get; set; } = "";
}
