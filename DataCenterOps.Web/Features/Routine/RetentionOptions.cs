using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Web.Features.Routine;

/// <summary>
/// Section "Retention". The audit trail (AuditEntries) and archived reports are evidence: append-only by trigger and
/// never deleted. <see cref="AuditDays"/> therefore applies only to non-evidence history: the routine's sent-notification log.
/// 0 keeps everything. Monitoring readings and alarms follow Monitoring:History.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    [Range(0, 36500)]
    public int AuditDays { get; set; } = 365;
}
