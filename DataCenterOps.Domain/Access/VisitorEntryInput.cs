namespace DataCenterOps.Domain.Access;

/// <summary>A visitor coming in under the escort of someone inside.</summary>
public sealed record VisitorEntryInput(
    string Name,
    string Organisation,
    string IdType,
    string IdNumber,
    bool IdHeldAtDesk,
    string Visiting,
    string Purpose,
    string EscortUserId,
    IReadOnlyList<CarriedItem> EquipmentIn);
