using DataCenterOps.Domain.Sites;

namespace DataCenterOps.Domain.Access;

/// <summary>
/// One opening of a DC-room door as the contact reported it, kept so the cross-check with the register survives a
/// restart: an opening not yet checked when the app stopped is checked when it starts again.
/// </summary>
public sealed class DoorOpening
{
    public long Id { get; set; }
    public string DeviceId { get; set; } = "";

    /// <summary>The site whose DC-room door it is (the door's device stands there); checked against that site's register only.</summary>
    public Guid SiteId { get; set; } = Site.DefaultId;
    public DateTime OpenedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>When the opening was compared with the register (null: still waiting for its window to pass).</summary>
    public DateTime? CheckedAtUtc { get; set; }

    /// <summary>Whether an entry or exit was registered within the window (null until checked).</summary>
    public bool? Registered { get; set; }
}
