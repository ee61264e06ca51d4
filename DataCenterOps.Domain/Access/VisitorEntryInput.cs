namespace DataCenterOps.Domain.Access;

/// <summary>A visitor coming in under the escort of someone inside the same site's room (<see cref="SiteId"/>, null = the default site).</summary>
public sealed record VisitorEntryInput(
    string Name,
    string Organisation,
    string IdType,
    string IdNumber,
    bool IdHeldAtDesk,
    string Visiting,
    string Purpose,
    string EscortUserId,
    IReadOnlyList<CarriedItem> EquipmentIn,
    Guid? SiteId = null);
