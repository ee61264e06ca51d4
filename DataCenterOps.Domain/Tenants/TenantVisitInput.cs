using DataCenterOps.Domain.Access;

namespace DataCenterOps.Domain.Tenants;

/// <summary>A tenant's person coming in on an approved permit, under the escort of a staff member who is inside.</summary>
public sealed record TenantVisitInput(
    Guid PermitId,
    string Name,
    string IdType,
    string IdNumber,
    bool IdHeldAtDesk,
    string Purpose,
    string EscortUserId,
    IReadOnlyList<CarriedItem> EquipmentIn);
