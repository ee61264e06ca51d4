using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;

namespace DataCenterOps.Domain.Seeding;

/// <summary>Writes shipped checklist templates in one seeding language: names from <see cref="ShippedNames"/>, items in order.</summary>
public sealed class TemplateWriter(string language)
{
    /// <summary>The entry in this writer's language.</summary>
    public string N(ShippedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.In(language);
    }

    public ChecklistTemplate Template(string code, ShippedName name, EquipmentKind kind, string cadence, ShippedName source, params ChecklistTemplateItem[] items) =>
        Template(code, name, kind, cadence, N(source), items);

    public ChecklistTemplate Template(string code, ShippedName name, EquipmentKind kind, string cadence, string source, params ChecklistTemplateItem[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var template = new ChecklistTemplate { Code = code, Name = N(name), EquipmentKind = kind, Cadence = cadence, Source = source };
        for (var i = 0; i < items.Length; i++)
        {
            items[i].Order = i + 1;
            items[i].TemplateId = template.Id;
            template.Items.Add(items[i]);
        }

        return template;
    }

    public ChecklistTemplateItem V(ShippedName prompt, string rule, string? unit = null, double? min = null, double? max = null, bool required = true) =>
        new() { Prompt = N(prompt), Kind = ChecklistItemKind.Verified, HistoryRule = rule, Unit = unit, Min = min, Max = max, Required = required };

    public ChecklistTemplateItem P(ShippedName prompt) => new() { Prompt = N(prompt), Kind = ChecklistItemKind.PassFail };

    public ChecklistTemplateItem T(ShippedName prompt) => new() { Prompt = N(prompt), Kind = ChecklistItemKind.Text, Required = false };

    public ChecklistTemplateItem Ph(ShippedName prompt) => new() { Prompt = N(prompt), Kind = ChecklistItemKind.Photo, Required = false };

    public ChecklistTemplateItem R(ShippedName prompt, string unit, double? min, double? max, string? point = null) =>
        new() { Prompt = N(prompt), Kind = ChecklistItemKind.Reading, Unit = unit, Min = min, Max = max, MonitoringPoint = point };
}
