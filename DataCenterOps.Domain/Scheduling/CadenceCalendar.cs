namespace DataCenterOps.Domain.Scheduling;

/// <summary>Cuts the calendar into periods per cadence; a check is due once per period.</summary>
public static class CadenceCalendar
{
    /// <summary>True for the calendar cadences; false for <see cref="ScheduleCadence.Meter"/> and <see cref="ScheduleCadence.BatteryHealth"/>.</summary>
    public static bool IsCalendar(ScheduleCadence cadence) => cadence is not (ScheduleCadence.Meter or ScheduleCadence.BatteryHealth);

    public static DuePeriod PeriodOf(ScheduleCadence cadence, DateOnly date)
    {
        switch (cadence)
        {
            case ScheduleCadence.Daily:
                return new(date, date);
            case ScheduleCadence.Weekly:
                var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
                return new(monday, monday.AddDays(6));
            default:
                var months = MonthsPer(cadence);
                var firstMonth = ((date.Month - 1) / months * months) + 1;
                var start = new DateOnly(date.Year, firstMonth, 1);
                return new(start, start.AddMonths(months).AddDays(-1));
        }
    }

    /// <summary>The Hangfire/cron expression that fires at the start of each period (00:05 local time).</summary>
    public static string CronOf(ScheduleCadence cadence) => cadence switch
    {
        ScheduleCadence.Daily => "5 0 * * *",
        ScheduleCadence.Weekly => "5 0 * * 1",
        ScheduleCadence.Monthly => "5 0 1 * *",
        ScheduleCadence.Quarterly => "5 0 1 1,4,7,10 *",
        ScheduleCadence.SemiAnnual => "5 0 1 1,7 *",
        // Meters are read every hour (the mark is passed when it is passed); battery health once a month, on the 1st.
        ScheduleCadence.Meter => "15 * * * *",
        ScheduleCadence.BatteryHealth => "30 0 1 * *",
        _ => "5 0 1 1 *",
    };

    private static int MonthsPer(ScheduleCadence cadence) => cadence switch
    {
        ScheduleCadence.Monthly => 1,
        ScheduleCadence.Quarterly => 3,
        ScheduleCadence.SemiAnnual => 6,
        _ => 12,
    };
}
