namespace DataCenterOps.Web.Features.Routine.Jobs;

/// <summary>Recurring job ids as shown in the Hangfire dashboard.</summary>
public static class RoutineJobIds
{
    public const string Sla = "routine-sla";
    public const string Sweep = "routine-sweep";
    public const string Backup = "routine-backup";
    public const string Retention = "routine-retention";
    public const string EvidenceDigest = "routine-evidence-digest";
    public const string QualificationExpiry = "routine-qualification-expiry";

    public static string Schedule(string code) => $"routine-schedule-{code}";
}
