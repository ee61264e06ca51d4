using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Routine.Meters;

/// <summary>
/// The Domain's <see cref="IHistoryVerifier"/> port, answered from monitoring history (whichever <see cref="IHistoryStore"/>
/// holds it): raw samples over the window, 1-minute rollups when the raw ones are gone.
/// </summary>
public sealed class MonitoringHistoryVerifier(HistoryQuery history, IStringLocalizer<Ui> l) : IHistoryVerifier
{
    public async Task<HistoryEvidence> VerifyAsync(HistoryCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        var (verdict, figures) = check.Rule switch
        {
            HistoryRules.GensetExerciseRun => HistoryRuleEvaluation.GensetExercise(
                await SamplesAsync(check, "generator.load", cancellationToken), check.Min ?? HistoryRules.ExerciseLoadPercent),
            HistoryRules.UpsTransferTest => HistoryRuleEvaluation.UpsTransfer(await SamplesAsync(check, "output.source", cancellationToken)),
            HistoryRules.CracSupplyAir => HistoryRuleEvaluation.CracSupplyAir(
                await SamplesAsync(check, "supply.temperature", cancellationToken), check.Min, check.Max),
            _ => (HistoryVerdict.NoData, new Dictionary<string, double>()),
        };
        return new HistoryEvidence(verdict, figures, VerifiedEvidenceText.InIndonesian(l, check.Rule, verdict, figures));
    }

    private async Task<IReadOnlyList<HistorySample>> SamplesAsync(HistoryCheck check, string point, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(DateTime.SpecifyKind(check.FromUtc, DateTimeKind.Utc));
        var to = new DateTimeOffset(DateTime.SpecifyKind(check.ToUtc, DateTimeKind.Utc));
        var raw = await history.GetSeriesAsync(check.DeviceId, point, from, to, HistoryResolution.Raw, cancellationToken);
        if (raw.Samples.Count > 0)
        {
            return raw.Samples;
        }

        return (await history.GetSeriesAsync(check.DeviceId, point, from, to, HistoryResolution.Minute, cancellationToken)).Samples;
    }
}
