using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Web.Shared.Display;

namespace DataCenterOps.Web.Features.Routine.Compliance;

/// <summary>The monthly summary with names resolved and times shown by the one display clock, for the page and both exports.</summary>
public sealed record ComplianceDocument(ComplianceSummary Summary, IReadOnlyDictionary<string, string> PeopleNames, DisplayClock Clock)
{
    public TimeZoneInfo Zone => Clock.Zone;

    public string PersonName(string? userId) =>
        userId is null ? "" : PeopleNames.TryGetValue(userId, out var name) ? name : userId;

    public string LocalTime(DateTime? utc) => Clock.FormatForFile(utc);
}
