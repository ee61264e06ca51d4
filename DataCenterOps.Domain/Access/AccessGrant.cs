using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Sites;

namespace DataCenterOps.Domain.Access;

/// <summary>
/// A one-off authorisation a Pengawas gives a staff member without a Surat Tugas: one entry, within a short
/// validity, with a reason. Used up by the entry it allows; it opens only the room of its <see cref="SiteId"/>.
/// </summary>
public sealed class AccessGrant : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SiteId { get; set; } = Site.DefaultId;
    public string UserId { get; set; } = "";
    public string Reason { get; set; } = "";
    public string GrantedById { get; set; } = "";
    public DateTime GrantedAtUtc { get; set; }
    public DateTime ValidFromUtc { get; set; }
    public DateTime ValidUntilUtc { get; set; }
    public Guid? UsedByEntryId { get; set; }
    public DateTime? UsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedById { get; set; }
    public string? RevocationReason { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsUsable(DateTime instantUtc) =>
        UsedByEntryId is null && RevokedAtUtc is null && instantUtc >= ValidFromUtc && instantUtc <= ValidUntilUtc;
}
