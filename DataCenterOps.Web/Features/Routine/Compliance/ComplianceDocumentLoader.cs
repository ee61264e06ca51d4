using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Web.Shared.Display;

namespace DataCenterOps.Web.Features.Routine.Compliance;

/// <summary>Builds a <see cref="ComplianceDocument"/> for a month.</summary>
public sealed class ComplianceDocumentLoader(ComplianceService compliance, PeopleDirectory people, DisplayClock clock)
{
    public async Task<ComplianceDocument> LoadAsync(int year, int month, CancellationToken cancellationToken)
    {
        var summary = await compliance.MonthAsync(year, month, cancellationToken);
        var ids = summary.Rows.Select(r => r.InspectorId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var names = (await people.NamesAsync(cancellationToken)).Where(n => ids.Contains(n.Key)).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
        return new ComplianceDocument(summary, names, clock);
    }
}
