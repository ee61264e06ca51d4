using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Seeding;

namespace DataCenterOps.Domain.Scheduling;

/// <summary>
/// The shipped checklists the schedules use: the Domain's <see cref="DemoTemplates"/> plus the semi-annual and
/// annual ones (from /work/shared/checklists.md: NFPA 110, NFPA 2001/72/75, ASHRAE TC9.9).
/// </summary>
public static class RoutineTemplates
{
    public static IReadOnlyList<ChecklistTemplate> All() => [.. DemoTemplates.Create(), .. Additional()];

    public static IReadOnlyList<ChecklistTemplate> Additional() =>
    [
        Template("fire-semiannual", "Semi-annual clean-agent check", EquipmentKind.FireSuppression, "SemiAnnual", "NFPA 2001",
            R("Lowest cylinder agent weight vs label", "% of label", 95, null),
            R("Lowest cylinder pressure (temperature-adjusted) vs label", "% of label", 90, null),
            T("Cylinders weighed (serial, kg, bar)"), P("Room penetrations sealed"), P("Detection and release interfaces")),
        Template("fire-annual", "Annual fire system functional test", EquipmentKind.FireSuppression, "Annual", "NFPA 72 / 2001",
            P("Release sequence tested without discharge"), P("Smoke detectors functional test"), T("Remarks")),
        Template("genset-annual", "Annual genset load-bank and breaker review", EquipmentKind.Genset, "Annual", "NFPA 110 ch. 8",
            P("Load-bank test 2 h (25/50/75 %) done where monthly runs stayed below 30 %"),
            R("Highest load reached", "% of nameplate", 30, 100), P("Emergency breakers exercised"), T("Remarks")),
        Template("ups-annual", "Annual UPS functional review", EquipmentKind.Ups, "Annual", "In-house / vendor annual",
            P("Transfer to bypass and back"), V("Transfer test: on battery and back to mains, seen in the readings", HistoryRules.UpsTransferTest), R("Discharge current during 3-min outage", "A", null, null),
            R("End DC voltage after 3-min outage", "V", null, null), P("Thermal scan of terminations"), Ph("Thermal image")),
        Template("genset-service-250h", "Genset service at 250 run hours", EquipmentKind.Genset, "Meter", "Site default (diesel oil-and-filter interval)",
            R("Hour meter", "h", null, null, "engine.run_hours"), P("Engine oil and oil filter changed"), P("Fuel filters and water separator"),
            P("Air filter inspected"), P("Belts and hoses"), T("Remarks")),
        Template("crac-service-2000h", "CRAC service at 2,000 compressor hours", EquipmentKind.Cooling, "Meter", "Site default",
            R("Compressor hour meter", "h", null, null, "compressor.run_hours"), P("Refrigerant pressures and superheat"),
            P("Compressor contactor and terminals"), P("Filters replaced"), P("Condensate drain clear"), T("Remarks")),
        Template("crac-annual", "Annual CRAC calibration and review", EquipmentKind.Cooling, "Annual", "ASHRAE TC9.9",
            R("Temperature sensor difference vs reference", "°C", -0.5, 0.5), P("Valves and dampers"), P("Wiring and labels")),
    ];

    private static ChecklistTemplate Template(string code, string name, EquipmentKind kind, string cadence, string source, params ChecklistTemplateItem[] items)
    {
        var template = new ChecklistTemplate { Code = code, Name = name, EquipmentKind = kind, Cadence = cadence, Source = source };
        for (var i = 0; i < items.Length; i++)
        {
            items[i].Order = i + 1;
            items[i].TemplateId = template.Id;
            template.Items.Add(items[i]);
        }

        return template;
    }

    private static ChecklistTemplateItem V(string prompt, string rule) =>
        new() { Prompt = prompt, Kind = ChecklistItemKind.Verified, HistoryRule = rule };

    private static ChecklistTemplateItem P(string prompt) => new() { Prompt = prompt, Kind = ChecklistItemKind.PassFail };

    private static ChecklistTemplateItem T(string prompt) => new() { Prompt = prompt, Kind = ChecklistItemKind.Text, Required = false };

    private static ChecklistTemplateItem Ph(string prompt) => new() { Prompt = prompt, Kind = ChecklistItemKind.Photo, Required = false };

    private static ChecklistTemplateItem R(string prompt, string unit, double? min, double? max, string? point = null) =>
        new() { Prompt = prompt, Kind = ChecklistItemKind.Reading, Unit = unit, Min = min, Max = max, MonitoringPoint = point };
}
