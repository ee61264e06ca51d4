using System.Globalization;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Shared.Display;

/// <summary>
/// The one display clock: now, stored UTC times shown in the display zone (WITA by default) in the current
/// culture, and entered local dates turned back into UTC. Components never convert time zones themselves.
/// </summary>
public sealed class DisplayClock(IOptions<DisplayOptions> options, TimeProvider time)
{
    private readonly TimeZoneInfo _zone = FindZone(options.Value.TimeZone);

    public TimeZoneInfo Zone => _zone;

    /// <summary>WITA, WIB or WIT for the Indonesian zones, else the UTC offset.</summary>
    public string ZoneLabel => _zone.Id switch
    {
        "Asia/Makassar" or "Asia/Ujung_Pandang" => "WITA",
        "Asia/Jakarta" or "Asia/Pontianak" => "WIB",
        "Asia/Jayapura" => "WIT",
        _ => "UTC" + _zone.BaseUtcOffset.ToString(@"\+hh\:mm", CultureInfo.InvariantCulture),
    };

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Local(time.GetUtcNow().UtcDateTime));

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, _zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);

    /// <summary>The UTC instant the local calendar <paramref name="day"/> begins: the bound of a filter by local days.</summary>
    public DateTime StartOfDayUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>Short date and time in the current culture; "–" for no time.</summary>
    public string Format(DateTime? utc) =>
        utc is { } value ? Local(value).ToString("g", CultureInfo.CurrentCulture) : "–";

    /// <summary>Date and time with the zone, e.g. "01/03/2026 16.00.05 WITA" in id-ID.</summary>
    public string FormatWithZone(DateTimeOffset utc) =>
        ToLocal(utc).ToString("G", CultureInfo.CurrentCulture) + " " + ZoneLabel;

    public string FormatTime(DateTimeOffset utc) =>
        ToLocal(utc).ToString("T", CultureInfo.CurrentCulture);

    /// <summary>A fixed machine format for files (CSV, PDF tables): "yyyy-MM-dd HH:mm" local, "" for no time.</summary>
    public string FormatForFile(DateTime? utc) =>
        utc is { } value ? Local(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without tz data: WITA has had no daylight saving, so a fixed offset is exact for it.
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }
}
