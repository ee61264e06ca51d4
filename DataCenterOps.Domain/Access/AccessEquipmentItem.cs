namespace DataCenterOps.Domain.Access;

/// <summary>An item carried into or out of the DC room during an entry.</summary>
public sealed class AccessEquipmentItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EntryId { get; set; }
    public EquipmentDirection Direction { get; set; }
    public string Description { get; set; } = "";
    public string? SerialNumber { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
