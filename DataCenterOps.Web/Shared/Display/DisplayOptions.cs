using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Web.Shared.Display;

/// <summary>Section "Display": times are stored in UTC and shown in this zone (WITA by default).</summary>
public sealed class DisplayOptions
{
    public const string SectionName = "Display";

    /// <summary>IANA zone id; WITA (Kalimantan Timur) unless configured.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Makassar";

    /// <summary>"Display:AlarmSound": whether and how often the room screens repeat the alarm sound.</summary>
    public AlarmSoundOptions AlarmSound { get; set; } = new();
}
