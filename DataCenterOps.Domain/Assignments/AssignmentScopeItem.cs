using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Domain.Assignments;

/// <summary>What a Surat Tugas covers: one equipment item, or every item of a kind.</summary>
public sealed class AssignmentScopeItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid LetterId { get; set; }
    public Guid? EquipmentId { get; set; }
    public EquipmentKind? Kind { get; set; }
}
