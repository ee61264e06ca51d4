namespace DataCenterOps.Domain.Access;

/// <summary>Leaving the room. <see cref="WithVisitors"/>: an escort's visitors leave with them, else the escort is held back.</summary>
public sealed record ExitInput(IReadOnlyList<CarriedItem> EquipmentOut, bool WithVisitors = false);
