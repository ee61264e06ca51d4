using System.Globalization;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>Shows stored UTC times in the display zone, and turns entered local dates back into UTC.</summary>
public sealed class DisplayClock(IOptions<DisplayOptions> options, TimeProvider time)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeZoneInfo Zone => _zone;

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);

    public DateOnly Today => DateOnly.FromDateTime(Local(time.GetUtcNow().UtcDateTime));

    public string Format(DateTime? utc) =>
        utc is { } value ? Local(value).ToString("g", CultureInfo.CurrentCulture) : "–";
}
