using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>The standard routine (checklists.md): daily room and CRAC, weekly genset, monthly genset load, UPS and fire, quarterly batteries, semi-annual agent, annual reviews.</summary>
public static class ShippedSchedules
{
    public static readonly IReadOnlyList<ShippedSchedule> All =
    [
        new("room-daily", "Daily room walk-through and environment check", EquipmentKind.Environment, ScheduleCadence.Daily, "room-daily"),
        new("crac-daily", "Daily CRAC check", EquipmentKind.Cooling, ScheduleCadence.Daily, "crac-daily"),
        new("genset-weekly", "Weekly genset inspection and run", EquipmentKind.Genset, ScheduleCadence.Weekly, "genset-weekly"),
        new("genset-monthly-load", "Monthly genset load exercise", EquipmentKind.Genset, ScheduleCadence.Monthly, "genset-monthly-load"),
        new("ups-monthly", "Monthly UPS inspection", EquipmentKind.Ups, ScheduleCadence.Monthly, "ups-monthly"),
        new("fire-monthly", "Monthly fire suppression inspection", EquipmentKind.FireSuppression, ScheduleCadence.Monthly, "fire-monthly"),
        new("vrla-quarterly", "Quarterly battery checks", EquipmentKind.Ups, ScheduleCadence.Quarterly, "vrla-quarterly"),
        new("fire-semiannual", "Semi-annual fire-suppression agent check", EquipmentKind.FireSuppression, ScheduleCadence.SemiAnnual, "fire-semiannual"),
        new("genset-annual", "Annual genset review", EquipmentKind.Genset, ScheduleCadence.Annual, "genset-annual"),
        new("ups-annual", "Annual UPS review", EquipmentKind.Ups, ScheduleCadence.Annual, "ups-annual"),
        new("crac-annual", "Annual CRAC review", EquipmentKind.Cooling, ScheduleCadence.Annual, "crac-annual"),
        new("fire-annual", "Annual fire system review", EquipmentKind.FireSuppression, ScheduleCadence.Annual, "fire-annual"),
        // Meter schedules, site defaults (README "Maintenance that reads the meters"): a genset service every 250 run hours
        // (the usual diesel oil-and-filter interval), a CRAC service every 2,000 compressor hours.
        new("genset-250h", "Genset service every 250 run hours", EquipmentKind.Genset, ScheduleCadence.Meter, "genset-service-250h", "engine.run_hours", 250),
        new("crac-2000h", "CRAC service every 2,000 compressor hours", EquipmentKind.Cooling, ScheduleCadence.Meter, "crac-service-2000h", "compressor.run_hours", 2000),
        new("ups-battery-health", "UPS battery health (runtime at load vs baseline)", EquipmentKind.Ups, ScheduleCadence.BatteryHealth, "vrla-quarterly"),
    ];
}
