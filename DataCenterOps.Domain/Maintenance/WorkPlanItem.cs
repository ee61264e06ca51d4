using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Domain.Maintenance;

/// <summary>One scheduled check: equipment + checklist + planned date + the Pemeriksa who does it.</summary>
public sealed class WorkPlanItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PlanId { get; set; }
    public Guid EquipmentId { get; set; }
    public Equipment? Equipment { get; set; }
    public Guid TemplateId { get; set; }
    public ChecklistTemplate? Template { get; set; }
    public DateOnly PlannedDate { get; set; }
    public string InspectorId { get; set; } = "";
    public ChecklistExecution? Execution { get; set; }
}
