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
    /// <summary>
    /// By a meter, not the calendar: due each time the equipment's <see cref="MaintenanceSchedule.MeterPoint"/> passes a
    /// multiple of <see cref="MaintenanceSchedule.MeterEvery"/> (e.g. every 250 genset run hours).
    /// </summary>
    Meter,
    /// <summary>Due when a UPS's load-normalised battery runtime has dropped more than 20 % from its baseline (<see cref="BatteryHealth"/>).</summary>
    BatteryHealth,
}
