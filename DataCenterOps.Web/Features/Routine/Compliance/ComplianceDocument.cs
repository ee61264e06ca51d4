using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Monitoring.Energy;
using DataCenterOps.Web.Shared.Display;

namespace DataCenterOps.Web.Features.Routine.Compliance;

/// <summary>The monthly summary with names resolved and times shown by the one display clock, for the page and both exports.</summary>
/// <remarks><see cref="Pue"/> is the month's PUE (ISO/IEC 30134-2) from monitoring history; null when the meters do not give one.</remarks>
public sealed record ComplianceDocument(ComplianceSummary Summary, IReadOnlyDictionary<string, string> PeopleNames, DisplayClock Clock, PueFigure? Pue = null)
{
    public TimeZoneInfo Zone => Clock.Zone;

    public string PersonName(string? userId) =>
        userId is null ? "" : PeopleNames.TryGetValue(userId, out var name) ? name : userId;

    public string LocalTime(DateTime? utc) => Clock.FormatForFile(utc);
}
