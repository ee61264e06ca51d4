using DataCenterOps.Domain.Sites;

namespace DataCenterOps.Domain.Access;

/// <summary>A periodic review of everyone authorised to enter (ISO/IEC 27002 7.2), with what was kept and what revoked; one site's room at a time.</summary>
public sealed class AccessReview
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SiteId { get; set; } = Site.DefaultId;
    public DateTime PerformedAtUtc { get; set; }
    public string PerformedById { get; set; } = "";
    public string? Notes { get; set; }
    public List<AccessReviewItem> Items { get; set; } = [];
}
