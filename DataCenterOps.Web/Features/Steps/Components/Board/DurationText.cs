using System.Globalization;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Steps.Components.Board;

/// <summary>A time span as people say it: "2 hari 3 jam", "1 h 05 min", "4 min 10 s" (the two largest units).</summary>
public static class DurationText
{
    public static string Format(TimeSpan span, IStringLocalizer<Ui> text)
    {
        var d = span.Duration();
        var culture = CultureInfo.CurrentCulture;
        return d.TotalDays >= 1
            ? string.Format(culture, text["Duration.DaysHours"], (int)d.TotalDays, d.Hours)
            : d.TotalHours >= 1
                ? string.Format(culture, text["Duration.HoursMinutes"], d.Hours, d.Minutes)
                : string.Format(culture, text["Duration.MinutesSeconds"], d.Minutes, d.Seconds);
    }
}
