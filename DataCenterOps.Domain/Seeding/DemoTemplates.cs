using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using static DataCenterOps.Domain.Seeding.ShippedNames;

namespace DataCenterOps.Domain.Seeding;

/// <summary>
/// The shipped checklist templates, from the standard cadences (NFPA 110, IEEE 1188, ASHRAE TC9.9, NFPA 2001), their
/// names and items from <see cref="ShippedNames"/> in the seeding language.
/// </summary>
public static class DemoTemplates
{
    public static IReadOnlyList<ChecklistTemplate> Create(string language = SeedingOptions.Indonesian)
    {
        var t = new TemplateWriter(language);
        return
        [
            t.Template("room-daily", RoomDaily, EquipmentKind.Environment, "Daily", SourceRoomDaily,
                t.R(ColdAisleTemperature, "°C", 18, 27, "temperature"), t.R(ColdAisleHumidity, "% RH", null, 60, "humidity"),
                t.P(NoWaterLeak), t.P(DoorLockedAccessLog), t.P(Housekeeping), t.Ph(RoomPhoto)),
            t.Template("genset-weekly", GensetWeekly, EquipmentKind.Genset, "Weekly", SourceNfpa110Ch8,
                t.R(FuelLevel, "%", 50, 100, "fuel.level"), t.P(OilLevel), t.P(CoolantLevelBlockHeater), t.P(StartingBatteryCharger),
                t.R(StartingBatteryVoltage, "V", 12.4, 14.4, "battery.voltage"), t.P(NoLeaks), t.P(NoControllerAlarms), t.P(ControllerInAuto)),
            t.Template("ups-monthly", UpsMonthly, EquipmentKind.Ups, "Monthly", SourceInHouseMonthly,
                t.P(CleanNoDust), t.P(AlarmLogReviewed), t.T(LogRemarks),
                t.R(InputVoltage, "V", 207, 253, "input.voltage"), t.R(OutputVoltage, "V", 218, 242, "output.voltage"), t.R(OutputFrequency, "Hz", 49.5, 50.5, "output.frequency"),
                t.R(Load, t.N(PercentOfRating), null, 80, "output.load"), t.R(AmbientTemperature, "°C", 18, 27), t.P(VentilationAndFans)),
            t.Template("genset-monthly-load", GensetMonthlyLoad, EquipmentKind.Genset, "Monthly", SourceNfpa110Ch8,
                t.R(HourMeterAtStart, "h", null, null, "engine.run_hours"), t.R(HourMeterAtEnd, "h", null, null, "engine.run_hours"),
                t.R(Load, t.N(PercentOfNameplate), 30, 100, "generator.load"),
                t.V(ExerciseRun, HistoryRules.GensetExerciseRun, t.N(PercentOfNameplate), 30, null),
                t.R(OilPressure, "kPa", 200, 500, "oil.pressure"), t.R(CoolantTemperature, "°C", 70, 95, "coolant.temperature"), t.R(TransferTime, "s", null, 10),
                t.P(ExhaustCondensate), t.P(TransferSwitchesOperated)),
            t.Template("vrla-quarterly", VrlaQuarterly, EquipmentKind.Ups, "Quarterly", "IEEE 1188",
                t.R(StringFloatVoltage, "V", null, null, "battery.voltage"), t.R(CellFloatVoltage, "V", 2.20, 2.27),
                t.R(ChargerOutputVoltage, "V", null, null), t.R(ChargerOutputCurrent, "A", null, null), t.R(AcRipple, "%", null, 5),
                t.R(OhmicValue, "%", null, 130), t.R(RoomTemperature, "°C", 20, 25), t.P(Ventilation),
                t.R(NegativeTerminalTemperature, "°C", null, 30), t.P(TerminalsFreeOfCorrosion), t.P(PostSealsIntact),
                t.P(NoCaseSwelling), t.P(RackSound), t.P(BatteryMonitorWorking)),
            t.Template("fire-monthly", FireMonthly, EquipmentKind.FireSuppression, "Monthly", "NFPA 2001 / 72 / 75",
                t.P(PanelNormal), t.P(CylindersIntact), t.P(ReleaseStationsIntact), t.P(SignageInPlace)),
            t.Template("crac-daily", CracDaily, EquipmentKind.Cooling, "Daily", "ASHRAE TC9.9",
                t.R(TemperatureSetpoint, "°C", 18, 27, "setpoint.temperature"), t.R(HumiditySetpoint, "% RH", 40, 60, "setpoint.humidity"),
                t.R(SupplyAirTemperature, "°C", 13, 24, "supply.temperature"), t.R(ReturnAirTemperature, "°C", 18, 35, "return.temperature"),
                // Optional: it backs the typed supply-air reading with the whole check's readings.
                t.V(SupplyAirAcrossCheck, HistoryRules.CracSupplyAir, "°C", 13, 24, required: false),
                t.P(AirInletsUnobstructed), t.P(NoAbnormalNoise)),
        ];
    }
}
