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

    /// <summary>
    /// <c>Backup:PgDumpPath</c> (PostgreSQL only): the <c>pg_dump</c> to run; <c>pg_restore</c> is taken from the same folder.
    /// Empty: the one matching the server's major version (<c>/usr/lib/postgresql/&lt;major&gt;/bin</c>), else the PATH's.
    /// </summary>
    public string? PgDumpPath { get; set; }
}
