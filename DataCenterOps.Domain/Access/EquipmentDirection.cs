namespace DataCenterOps.Domain.Access;

/// <summary>Whether an item was carried into or out of the DC room.</summary>
public enum EquipmentDirection
{
    In,
    Out,
}
