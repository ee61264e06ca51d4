namespace DataCenterOps.Domain.Access;

/// <summary>An entry the rules refused, kept with its reason (append-only).</summary>
public sealed class AccessRefusal
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTime AtUtc { get; set; }

    /// <summary>The site whose room the refused entry was for.</summary>
    public Guid SiteId { get; set; } = Sites.Site.DefaultId;
    public AccessPersonKind Kind { get; set; }
    public string? UserId { get; set; }
    public string PersonName { get; set; } = "";
    public string? Organisation { get; set; }
    public string? IdType { get; set; }
    public string? IdNumber { get; set; }
    public string Purpose { get; set; } = "";
    public AccessError Reason { get; set; }
    public string Message { get; set; } = "";
    public string RecordedById { get; set; } = "";
}
