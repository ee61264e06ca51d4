namespace DataCenterOps.Domain.Facilities;

public enum EquipmentKind
{
    Ups,
    Genset,
    Cooling,
    FireSuppression,
    Environment,
    /// <summary>PDUs and panels.</summary>
    Electrical,
    ServerRack,
    Other,
}
