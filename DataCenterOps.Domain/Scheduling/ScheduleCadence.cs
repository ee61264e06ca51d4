namespace DataCenterOps.Domain.Scheduling;

/// <summary>How often a check falls due. Each cadence cuts the calendar into periods (see <see cref="CadenceCalendar"/>).</summary>
public enum ScheduleCadence
{
    Daily,
    /// <summary>ISO week, Monday to Sunday.</summary>
    Weekly,
    Monthly,
    Quarterly,
    SemiAnnual,
    Annual,
}
