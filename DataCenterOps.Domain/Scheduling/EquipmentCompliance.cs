namespace DataCenterOps.Domain.Scheduling;

/// <summary>Counts per outcome for one equipment item in a month.</summary>
public sealed record EquipmentCompliance(Guid EquipmentId, string EquipmentName, int OnTime, int Late, int Missed, int EquipmentFailed, int Pending)
{
    public int Total => OnTime + Late + Missed + EquipmentFailed + Pending;
}
