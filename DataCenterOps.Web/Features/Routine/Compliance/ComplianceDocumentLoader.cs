using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Monitoring.Energy;
using DataCenterOps.Web.Shared.Display;

namespace DataCenterOps.Web.Features.Routine.Compliance;

/// <summary>Builds a <see cref="ComplianceDocument"/> for a month.</summary>
public sealed class ComplianceDocumentLoader(ComplianceService compliance, PeopleDirectory people, DisplayClock clock, PueCalculator pue)
{
    public async Task<ComplianceDocument> LoadAsync(int year, int month, CancellationToken cancellationToken)
    {
        var summary = await compliance.MonthAsync(year, month, cancellationToken);
        var ids = summary.Rows.Select(r => r.InspectorId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var names = (await people.NamesAsync(cancellationToken)).Where(n => ids.Contains(n.Key)).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
        return new ComplianceDocument(summary, names, clock, await MonthPueAsync(year, month, cancellationToken));
    }

    // The month in the display zone, up to now for the current month.
    private async Task<PueFigure?> MonthPueAsync(int year, int month, CancellationToken cancellationToken)
    {
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var from = new DateTimeOffset(clock.ToUtc(first), TimeSpan.Zero);
        var to = new DateTimeOffset(clock.ToUtc(first.AddMonths(1)), TimeSpan.Zero);
        if (from >= clock.UtcNow)
        {
            return null;
        }

        return await pue.ComputeAsync(from, to < clock.UtcNow ? to : clock.UtcNow, cancellationToken);
    }
}
