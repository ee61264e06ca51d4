using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Domain.Maintenance;

/// <summary>A checklist as data: typed items a Pemeriksa answers for one equipment item.</summary>
public sealed class ChecklistTemplate
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Stable short key, e.g. "ups-monthly".</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The kind of equipment it is for; null for any.</summary>
    public EquipmentKind? EquipmentKind { get; set; }

    /// <summary>Daily, Weekly, Monthly, Quarterly… (informative; schedules come later).</summary>
    public string Cadence { get; set; } = "";
    public string? Source { get; set; }
    public List<ChecklistTemplateItem> Items { get; set; } = [];
}
