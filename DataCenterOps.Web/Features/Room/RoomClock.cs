using System.Globalization;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Room;

/// <summary>Now, and times converted to the display zone (WITA by default) and formatted in the current culture.</summary>
public sealed class RoomClock(TimeProvider time, IOptions<RoomDisplayOptions> options)
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

    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, _zone);

    /// <summary>Date and time, e.g. "01/03/2026 16.00.05 WITA" in id-ID.</summary>
    public string Format(DateTimeOffset utc) =>
        ToLocal(utc).ToString("G", CultureInfo.CurrentCulture) + " " + ZoneLabel;

    public string FormatTime(DateTimeOffset utc) =>
        ToLocal(utc).ToString("T", CultureInfo.CurrentCulture);

    /// <summary>A local wall-clock time in the display zone, as an instant.</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, _zone.GetUtcOffset(unspecified));
    }

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
