using DataCenterOps.Domain.Access;

namespace DataCenterOps.Web.Features.Access;

/// <summary>Turns local calendar days (the site's zone) into the UTC bounds of the log filter; <c>to</c> is inclusive.</summary>
public static class AccessPeriod
{
    public static AccessLogFilter Filter(DateOnly? from, DateOnly? to, string? person, Guid? letterId, AccessOptions options) =>
        new(from is { } f ? StartOfDayUtc(f, options) : null, to is { } t ? StartOfDayUtc(t.AddDays(1), options) : null, person, letterId);

    public static DateTime StartOfDayUtc(DateOnly day, AccessOptions options) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), options.Zone);

    public static DateTime Local(DateTime utc, AccessOptions options) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), options.Zone);
}
