using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Sites;

namespace DataCenterOps.Domain.Access;

/// <summary>
/// One visit to the DC room: who, on what basis, why, when in and out, and what was carried. Never deleted;
/// a Supervisor or Administrator may correct or void it with a reason.
/// </summary>
public sealed class AccessEntry : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public AccessPersonKind Kind { get; set; }

    /// <summary>The site whose DC room the visit is to.</summary>
    public Guid SiteId { get; set; } = Site.DefaultId;

    /// <summary>The staff member (user id); null for a visitor.</summary>
    public string? UserId { get; set; }

    /// <summary>Name as recorded at the desk (a staff member's full name at the time).</summary>
    public string PersonName { get; set; } = "";
    public string? Organisation { get; set; }

    /// <summary>Visitor's identity document, e.g. KTP, SIM, Passport.</summary>
    public string? IdType { get; set; }
    public string? IdNumber { get; set; }

    /// <summary>The document is kept at the desk until the visitor leaves.</summary>
    public bool IdHeldAtDesk { get; set; }
    public DateTime? IdReturnedAtUtc { get; set; }

    /// <summary>The person visited (visitors).</summary>
    public string? Visiting { get; set; }
    public string Purpose { get; set; } = "";
    public AccessBasis Basis { get; set; }
    public Guid? LetterId { get; set; }
    public string? LetterNumber { get; set; }
    public Guid? GrantId { get; set; }

    /// <summary>The escort's own open entry when the visitor came in.</summary>
    public Guid? EscortEntryId { get; set; }
    public string? EscortUserId { get; set; }
    public string? EscortName { get; set; }

    public DateTime InAtUtc { get; set; }
    public string InRecordedById { get; set; } = "";
    public DateTime? OutAtUtc { get; set; }
    public string? OutRecordedById { get; set; }
    public AccessEntryStatus Status { get; set; } = AccessEntryStatus.Inside;
    public string? VoidReason { get; set; }
    public string? VoidedById { get; set; }
    public DateTime? VoidedAtUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<AccessEquipmentItem> Equipment { get; set; } = [];

    public bool IsInside => Status == AccessEntryStatus.Inside;
}
