namespace DataCenterOps.Domain.Access;

/// <summary>A correction or voiding of a register entry, with its reason and the values before and after (append-only).</summary>
public sealed class AccessEntryCorrection
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EntryId { get; set; }
    public bool IsVoid { get; set; }
    public string Reason { get; set; } = "";
    public string ById { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public string BeforeJson { get; set; } = "";
    public string AfterJson { get; set; } = "";
}
