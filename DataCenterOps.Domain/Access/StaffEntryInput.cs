namespace DataCenterOps.Domain.Access;

/// <summary>
/// A staff member coming in. <see cref="LetterId"/> null: any valid letter naming them, else an unused one-off grant.
/// <see cref="SiteId"/>: the site whose room they enter (null = the default site); a letter must be for that site.
/// </summary>
public sealed record StaffEntryInput(string UserId, string Purpose, Guid? LetterId, IReadOnlyList<CarriedItem> EquipmentIn, Guid? SiteId = null);
