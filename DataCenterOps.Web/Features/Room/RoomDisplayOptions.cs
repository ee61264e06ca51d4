using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Web.Features.Room;

/// <summary>The <c>Display</c> section as the room screens read it: the zone times are shown in.</summary>
public sealed class RoomDisplayOptions
{
    public const string SectionName = "Display";

    /// <summary>IANA zone id; WITA (Kalimantan Timur) unless configured.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Makassar";
}
