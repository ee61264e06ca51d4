using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Domain.Seeding;

/// <summary>Section "Bootstrap": the first Administrator and the demo data.</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    [Required]
    [EmailAddress]
    public string AdminEmail { get; set; } = "admin@datacenterops.local";

    /// <summary>Empty: a password is generated and printed once to the console.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Demo users, equipment and checklists so every step can be tried at once. A real site sets false.</summary>
    public bool SeedDemoData { get; set; }
}
