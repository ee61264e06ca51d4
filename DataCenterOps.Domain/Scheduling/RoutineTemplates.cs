using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Seeding;
using static DataCenterOps.Domain.Seeding.ShippedNames;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>
/// The shipped checklists the schedules use: the Domain's <see cref="DemoTemplates"/> plus the semi-annual and
/// annual ones (from /work/shared/checklists.md: NFPA 110, NFPA 2001/72/75, ASHRAE TC9.9), named from
/// <see cref="ShippedNames"/> in the seeding language.
/// </summary>
public static class RoutineTemplates
{
    public static IReadOnlyList<ChecklistTemplate> All(string language = SeedingOptions.Indonesian) => [.. DemoTemplates.Create(language), .. Additional(language)];

    public static IReadOnlyList<ChecklistTemplate> Additional(string language = SeedingOptions.Indonesian)
    {
        var t = new TemplateWriter(language);
        return
        [
            t.Template("fire-semiannual", FireSemiAnnual, EquipmentKind.FireSuppression, "SemiAnnual", "NFPA 2001",
                t.R(AgentWeight, t.N(PercentOfLabel), 95, null),
                t.R(CylinderPressure, t.N(PercentOfLabel), 90, null),
                t.T(CylindersWeighed), t.P(PenetrationsSealed), t.P(DetectionInterfaces)),
            t.Template("fire-annual", FireAnnual, EquipmentKind.FireSuppression, "Annual", "NFPA 72 / 2001",
                t.P(ReleaseSequenceTested), t.P(SmokeDetectorsTest), t.T(Remarks)),
            t.Template("genset-annual", GensetAnnual, EquipmentKind.Genset, "Annual", SourceNfpa110Ch8,
                t.P(LoadBankTest),
                t.R(HighestLoadReached, t.N(PercentOfNameplate), 30, 100), t.P(EmergencyBreakersExercised), t.T(Remarks)),
            t.Template("ups-annual", UpsAnnual, EquipmentKind.Ups, "Annual", SourceInHouseVendorAnnual,
                t.P(TransferToBypass), t.V(TransferTest, HistoryRules.UpsTransferTest), t.R(DischargeCurrent, "A", null, null),
                t.R(EndDcVoltage, "V", null, null), t.P(ThermalScan), t.Ph(ThermalImage)),
            t.Template("genset-service-250h", GensetService250h, EquipmentKind.Genset, "Meter", SourceSiteDefaultDiesel,
                t.R(HourMeter, "h", null, null, "engine.run_hours"), t.P(OilAndFilterChanged), t.P(FuelFilters),
                t.P(AirFilterInspected), t.P(BeltsAndHoses), t.T(Remarks)),
            t.Template("crac-service-2000h", CracService2000h, EquipmentKind.Cooling, "Meter", SourceSiteDefault,
                t.R(CompressorHourMeter, "h", null, null, "compressor.run_hours"), t.P(RefrigerantPressures),
                t.P(CompressorContactor), t.P(FiltersReplaced), t.P(CondensateDrainClear), t.T(Remarks)),
            t.Template("crac-annual", CracAnnual, EquipmentKind.Cooling, "Annual", "ASHRAE TC9.9",
                t.R(SensorDifference, "°C", -0.5, 0.5), t.P(ValvesAndDampers), t.P(WiringAndLabels)),
        ];
    }
}
