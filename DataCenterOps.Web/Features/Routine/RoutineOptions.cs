using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Web.Features.Routine;

/// <summary>Section "Routine": when the routine jobs run and when a late item is escalated.</summary>
public sealed class RoutineOptions
{
    public const string SectionName = "Routine";

    /// <summary>A step or check still overdue this long after its due time is escalated to the Supervisors.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Finds overdue steps and checks and notifies (cron, Sop:TimeZone).</summary>
    [Required]
    public string SlaCron { get; set; } = "*/5 * * * *";

    /// <summary>Creates any missing due check of the current periods and retries the unassigned ones.</summary>
    [Required]
    public string SweepCron { get; set; } = "15 * * * *";

    [Required]
    public string RetentionCron { get; set; } = "45 2 * * *";

    /// <summary>Mails the evidence chains' heads and state to the Supervisors (an anchor outside the database).</summary>
    [Required]
    public string EvidenceDigestCron { get; set; } = "0 7 * * *";

    /// <summary>Tells each person and the Pengelola of qualification records ending within Qualifications:ExpiryNoticeDays.</summary>
    [Required]
    public string QualificationExpiryCron { get; set; } = "30 6 * * *";

    /// <summary>How far back a missed check is still chased.</summary>
    [Range(1, 366)]
    public int OverdueLookBackDays { get; set; } = 31;

    /// <summary>Shown in emails so a reader can open the app, e.g. "https://dcops.example.go.id".</summary>
    public string? AppBaseUrl { get; set; }
}
