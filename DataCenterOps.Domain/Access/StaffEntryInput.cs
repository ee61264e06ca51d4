namespace DataCenterOps.Domain.Access;

/// <summary>A staff member coming in. <see cref="LetterId"/> null: any valid letter naming them, else an unused one-off grant.</summary>
public sealed record StaffEntryInput(string UserId, string Purpose, Guid? LetterId, IReadOnlyList<CarriedItem> EquipmentIn);
