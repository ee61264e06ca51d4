using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;

namespace DataCenterOps.Domain.Seeding;

/// <summary>The shipped checklist templates, from the standard cadences (NFPA 110, IEEE 1188, ASHRAE TC9.9, NFPA 2001).</summary>
public static class DemoTemplates
{
    public static IReadOnlyList<ChecklistTemplate> Create() =>
    [
        Template("room-daily", "Daily room walk-through", EquipmentKind.Environment, "Daily", "Room environment and security",
            R("Cold-aisle temperature", "°C", 18, 27, "temperature"), R("Cold-aisle relative humidity", "% RH", null, 60, "humidity"),
            P("No water leak"), P("Door closed and locked; access log matches occupancy"), P("Housekeeping"), Ph("Photo of the room")),
        Template("genset-weekly", "Weekly genset inspection", EquipmentKind.Genset, "Weekly", "NFPA 110 ch. 8",
            R("Fuel level", "%", 50, 100, "fuel.level"), P("Oil level"), P("Coolant level and block heater"), P("Starting battery and charger"),
            R("Starting battery voltage", "V", 12.4, 14.4, "battery.voltage"), P("No leaks"), P("No alarms on the controller"), P("Controller in AUTO")),
        Template("ups-monthly", "Monthly UPS inspection", EquipmentKind.Ups, "Monthly", "In-house monthly",
            P("Clean, no dust or debris"), P("Alarm and event log reviewed"), T("Log remarks"),
            R("Input voltage", "V", 207, 253, "input.voltage"), R("Output voltage", "V", 218, 242, "output.voltage"), R("Output frequency", "Hz", 49.5, 50.5, "output.frequency"),
            R("Load", "% of rating", null, 80, "output.load"), R("Ambient temperature", "°C", 18, 27), P("Ventilation and fans")),
        Template("genset-monthly-load", "Monthly genset load run", EquipmentKind.Genset, "Monthly", "NFPA 110 ch. 8",
            R("Hour meter at start", "h", null, null, "engine.run_hours"), R("Hour meter at end", "h", null, null, "engine.run_hours"),
            R("Load", "% of nameplate", 30, 100, "generator.load"),
            V("Exercise run: at least 30 min at no less than 30 % of nameplate kW (NFPA 110 §8.4.2)", HistoryRules.GensetExerciseRun, "% of nameplate", 30, null),
            R("Oil pressure", "kPa", 200, 500, "oil.pressure"), R("Coolant temperature", "°C", 70, 95, "coolant.temperature"), R("Transfer time", "s", null, 10),
            P("Exhaust condensate drained"), P("Every transfer switch operated under load")),
        Template("vrla-quarterly", "Quarterly VRLA battery inspection", EquipmentKind.Ups, "Quarterly", "IEEE 1188",
            R("String float voltage", "V", null, null, "battery.voltage"), R("Float voltage per cell (25 °C)", "V", 2.20, 2.27),
            R("Charger output voltage", "V", null, null), R("Charger output current", "A", null, null), R("AC ripple", "%", null, 5),
            R("Highest internal ohmic value vs baseline", "%", null, 130), R("Room temperature", "°C", 20, 25), P("Ventilation"),
            R("Highest negative-terminal temperature", "°C", null, 30), P("Terminals free of corrosion"), P("Post seals intact"),
            P("No case swelling"), P("Rack sound"), P("Battery monitor working")),
        Template("fire-monthly", "Monthly fire suppression inspection", EquipmentKind.FireSuppression, "Monthly", "NFPA 2001 / 72 / 75",
            P("Panel normal, no faults or disablements"), P("Cylinders, nozzles and pipework intact"),
            P("Manual release and abort stations intact"), P("Signage in place")),
        Template("crac-daily", "Daily CRAC check", EquipmentKind.Cooling, "Daily", "ASHRAE TC9.9",
            R("Temperature set-point", "°C", 18, 27, "setpoint.temperature"), R("Humidity set-point", "% RH", 40, 60, "setpoint.humidity"),
            R("Supply air temperature", "°C", 13, 24, "supply.temperature"), R("Return air temperature", "°C", 18, 35, "return.temperature"),
            // Optional: it backs the typed supply-air reading with the whole check's readings.
            V("Supply air temperature across the check (min, max, mean)", HistoryRules.CracSupplyAir, "°C", 13, 24, required: false),
            P("Air inlets and outlets unobstructed"), P("No abnormal noise or vibration")),
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

    private static ChecklistTemplateItem V(string prompt, string rule, string? unit, double? min, double? max, bool required = true) =>
        new() { Prompt = prompt, Kind = ChecklistItemKind.Verified, HistoryRule = rule, Unit = unit, Min = min, Max = max, Required = required };

    private static ChecklistTemplateItem P(string prompt) => new() { Prompt = prompt, Kind = ChecklistItemKind.PassFail };

    private static ChecklistTemplateItem T(string prompt) => new() { Prompt = prompt, Kind = ChecklistItemKind.Text, Required = false };

    private static ChecklistTemplateItem Ph(string prompt) => new() { Prompt = prompt, Kind = ChecklistItemKind.Photo, Required = false };

    private static ChecklistTemplateItem R(string prompt, string unit, double? min, double? max, string? point = null) =>
        new() { Prompt = prompt, Kind = ChecklistItemKind.Reading, Unit = unit, Min = min, Max = max, MonitoringPoint = point };
}
