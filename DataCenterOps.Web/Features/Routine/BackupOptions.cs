using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Web.Features.Routine;

/// <summary>Section "Backup": the nightly online backup of the app database.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>Empty: "backups" under Storage:DataDirectory. Put it on another disk where you can.</summary>
    public string? Directory { get; set; }

    /// <summary>How many verified backups are kept; older ones are deleted after each successful backup.</summary>
    [Range(1, 3650)]
    public int Keep { get; set; } = 14;

    [Required]
    public string Cron { get; set; } = "30 1 * * *";
}
