using DataCenterOps.Domain.Access;
using DataCenterOps.Web.Shared.Display;

namespace DataCenterOps.Web.Features.Access;

/// <summary>Turns local calendar days (the display zone) into the UTC bounds of the log filter; <c>to</c> is inclusive.</summary>
public static class AccessPeriod
{
    public static AccessLogFilter Filter(DateOnly? from, DateOnly? to, string? person, Guid? letterId, DisplayClock clock) =>
        new(from is { } f ? StartOfDayUtc(f, clock) : null, to is { } t ? StartOfDayUtc(t.AddDays(1), clock) : null, person, letterId);

    public static DateTime StartOfDayUtc(DateOnly day, DisplayClock clock) => clock.StartOfDayUtc(day);
}
