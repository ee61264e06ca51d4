using System.ComponentModel.DataAnnotations;
using DataCenterOps.Domain.Sla;

namespace DataCenterOps.Domain.Workflow;

/// <summary>Section "Sop": letter numbering and standard times.</summary>
public sealed class SopOptions
{
    public const string SectionName = "Sop";

    /// <summary>Tokens: {seq} (per year), {year}.</summary>
    [Required]
    [RegularExpression(@".*\{seq\}.*", ErrorMessage = "Sop:LetterNumberPattern must contain {seq}.")]
    public string LetterNumberPattern { get; set; } = "065.2/{seq}/Diskominfo/{year}";

    public StandardTimes StandardTimes { get; set; } = new();

    /// <summary>
    /// IANA/Windows zone that decides which calendar day a plan date falls on. Unset, the host passes its own
    /// display zone in; WITA when nobody does.
    /// </summary>
    public string? TimeZone { get; set; }

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone ?? "Asia/Makassar");

    public string FormatLetterNumber(int sequence, int year) =>
        LetterNumberPattern
            .Replace("{seq}", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
