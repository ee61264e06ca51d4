using DataCenterOps.Domain.Facilities;
using static DataCenterOps.Domain.Seeding.ShippedNames;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>
/// The standard routine (checklists.md): daily room and CRAC, weekly genset, monthly genset load, UPS and fire, quarterly
/// batteries, semi-annual agent, annual reviews. Titles from <see cref="Seeding.ShippedNames"/>, written in the seeding language.
/// </summary>
public static class ShippedSchedules
{
    public static readonly IReadOnlyList<ShippedSchedule> All =
    [
        new("room-daily", RoomDailySchedule, EquipmentKind.Environment, ScheduleCadence.Daily, "room-daily"),
        new("crac-daily", CracDaily, EquipmentKind.Cooling, ScheduleCadence.Daily, "crac-daily"),
        new("genset-weekly", GensetWeeklySchedule, EquipmentKind.Genset, ScheduleCadence.Weekly, "genset-weekly"),
        new("genset-monthly-load", GensetMonthlyLoadSchedule, EquipmentKind.Genset, ScheduleCadence.Monthly, "genset-monthly-load"),
        new("ups-monthly", UpsMonthly, EquipmentKind.Ups, ScheduleCadence.Monthly, "ups-monthly"),
        new("fire-monthly", FireMonthly, EquipmentKind.FireSuppression, ScheduleCadence.Monthly, "fire-monthly"),
        new("vrla-quarterly", VrlaQuarterlySchedule, EquipmentKind.Ups, ScheduleCadence.Quarterly, "vrla-quarterly"),
        new("fire-semiannual", FireSemiAnnualSchedule, EquipmentKind.FireSuppression, ScheduleCadence.SemiAnnual, "fire-semiannual"),
        new("genset-annual", GensetAnnualSchedule, EquipmentKind.Genset, ScheduleCadence.Annual, "genset-annual"),
        new("ups-annual", UpsAnnualSchedule, EquipmentKind.Ups, ScheduleCadence.Annual, "ups-annual"),
        new("crac-annual", CracAnnualSchedule, EquipmentKind.Cooling, ScheduleCadence.Annual, "crac-annual"),
        new("fire-annual", FireAnnualSchedule, EquipmentKind.FireSuppression, ScheduleCadence.Annual, "fire-annual"),
        // Meter schedules, site defaults (README "Maintenance that reads the meters"): a genset service every 250 run hours
        // (the usual diesel oil-and-filter interval), a CRAC service every 2,000 compressor hours.
        new("genset-250h", Genset250hSchedule, EquipmentKind.Genset, ScheduleCadence.Meter, "genset-service-250h", "engine.run_hours", 250),
        new("crac-2000h", Crac2000hSchedule, EquipmentKind.Cooling, ScheduleCadence.Meter, "crac-service-2000h", "compressor.run_hours", 2000),
        new("ups-battery-health", UpsBatteryHealthSchedule, EquipmentKind.Ups, ScheduleCadence.BatteryHealth, "vrla-quarterly"),
    ];
}
