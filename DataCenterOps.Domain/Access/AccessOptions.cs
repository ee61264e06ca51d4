using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace DataCenterOps.Domain.Access;

/// <summary>Section "Access": door cross-check windows, working hours and the review cycle.</summary>
public sealed class AccessOptions : IValidatableObject
{
    public const string SectionName = "Access";

    /// <summary>A door opening with no entry or exit registered this close to it (either side) is unregistered access.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan DoorCorrelationWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The door open longer than this raises an alarm.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "12:00:00")]
    public TimeSpan DoorHeldOpenLimit { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>"HH:mm-HH:mm" local time (an en dash works too), e.g. "07:30-16:00" WITA.</summary>
    [Required]
    public string WorkingHours { get; set; } = "07:30-16:00";

    public List<DayOfWeek> WorkingDays { get; set; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Required]
    public string TimeZone { get; set; } = "Asia/Makassar";

    /// <summary>How often the review of authorisations is due (3 = quarterly).</summary>
    [Range(1, 24)]
    public int ReviewIntervalMonths { get; set; } = 3;

    /// <summary>How often the door cross-check and after-hours check run.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The zone a site's working hours are in: the site's own, else Access:TimeZone (a site without one, or unknown).</summary>
    public TimeZoneInfo ZoneOf(string? siteTimeZone) =>
        !string.IsNullOrWhiteSpace(siteTimeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(siteTimeZone, out var zone) ? zone : Zone;

    public (TimeOnly Start, TimeOnly End) ParsedWorkingHours => Parse(WorkingHours)
        ?? throw new FormatException("Access:WorkingHours must look like 07:30-16:00.");

    /// <summary>True when <paramref name="instantUtc"/> falls on a working day inside working hours, local time.</summary>
    public bool IsWorkingTime(DateTime instantUtc) => IsWorkingTime(instantUtc, Zone);

    /// <summary>True when <paramref name="instantUtc"/> falls on a working day inside working hours in <paramref name="zone"/> (a site's zone).</summary>
    public bool IsWorkingTime(DateTime instantUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(instantUtc, DateTimeKind.Utc), zone);
        var (start, end) = ParsedWorkingHours;
        var time = TimeOnly.FromDateTime(local);
        return WorkingDays.Contains(local.DayOfWeek) && time >= start && time < end;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Parse(WorkingHours) is not { } hours || hours.End <= hours.Start)
        {
            yield return new ValidationResult("Access:WorkingHours must look like 07:30-16:00, ending after it starts.", [nameof(WorkingHours)]);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Access:TimeZone '{TimeZone}' is not a known time zone.", [nameof(TimeZone)]);
        }
    }

    private static (TimeOnly Start, TimeOnly End)? Parse(string? text)
    {
        var parts = (text ?? "").Split(['-', '\u2013'], StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            ? (start, end)
            : null;
    }
}
