using System.Globalization;
using DataCenterOps.Domain.Scheduling;

namespace DataCenterOps.Web.Features.Routine.Compliance;

/// <summary>The monthly summary with names and local times resolved, as shown on the page and in both exports.</summary>
public sealed record ComplianceDocument(ComplianceSummary Summary, IReadOnlyDictionary<string, string> PeopleNames, TimeZoneInfo Zone)
{
    public string PersonName(string? userId) =>
        userId is null ? "" : PeopleNames.TryGetValue(userId, out var name) ? name : userId;

    public string LocalTime(DateTime? utc) =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(value, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
