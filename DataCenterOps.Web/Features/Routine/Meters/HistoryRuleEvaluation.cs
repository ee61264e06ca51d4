using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Monitoring.History;

namespace DataCenterOps.Web.Features.Routine.Meters;

/// <summary>
/// The shipped rules (<see cref="HistoryRules"/>) over a point's samples, oldest first: a verdict and its figures.
/// Pure functions, so the rules read the same whichever store the samples came from.
/// </summary>
public static class HistoryRuleEvaluation
{
    /// <summary>Two samples further apart than this do not make one continuous run.</summary>
    public static readonly TimeSpan MaxGap = TimeSpan.FromMinutes(5);

    /// <summary>
    /// NFPA 110 §8.4.2 from generator.load (the controller's percent of its rating, i.e. of nameplate kW): the longest
    /// continuous run at or above <paramref name="loadPercent"/>, and its mean load; met at 30 minutes or more.
    /// </summary>
    public static (HistoryVerdict Verdict, Dictionary<string, double> Figures) GensetExercise(IReadOnlyList<HistorySample> load, double loadPercent)
    {
        if (load.Count == 0)
        {
            return (HistoryVerdict.NoData, []);
        }

        TimeSpan best = TimeSpan.Zero;
        double bestMean = 0;
        int start = -1;
        double sum = 0;
        long count = 0;
        for (var i = 0; i <= load.Count; i++)
        {
            var inRun = i < load.Count && load[i].Min >= loadPercent
                && (start < 0 || load[i].Timestamp - load[i - 1].Timestamp <= MaxGap);
            if (inRun)
            {
                if (start < 0)
                {
                    (start, sum, count) = (i, 0, 0);
                }

                sum += load[i].Avg * Math.Max(1, load[i].Count);
                count += Math.Max(1, load[i].Count);
                continue;
            }

            if (start >= 0)
            {
                var duration = load[i - 1].Timestamp - load[start].Timestamp;
                if (duration > best || (duration == best && count > 0 && sum / count > bestMean))
                {
                    (best, bestMean) = (duration, sum / count);
                }

                start = -1;
            }

            // A sample above the threshold after a gap starts a new run.
            if (i < load.Count && load[i].Min >= loadPercent)
            {
                (start, sum, count) = (i, load[i].Avg * Math.Max(1, load[i].Count), Math.Max(1, load[i].Count));
            }
        }

        var minutes = Math.Floor(best.TotalMinutes);
        var mean = best > TimeSpan.Zero ? Math.Round(bestMean) : Math.Round(load.Max(s => s.Max));
        var verdict = minutes >= HistoryRules.ExerciseMinutes ? HistoryVerdict.Met : HistoryVerdict.NotMet;
        return (verdict, new() { ["minutes"] = minutes, ["load_percent"] = mean, ["threshold_percent"] = loadPercent });
    }

    /// <summary>From output.source (RFC 1628: 3 normal, 5 battery): on battery, then back on mains, within the window.</summary>
    public static (HistoryVerdict Verdict, Dictionary<string, double> Figures) UpsTransfer(IReadOnlyList<HistorySample> source)
    {
        const double Normal = 3, Battery = 5;
        if (source.Count == 0)
        {
            return (HistoryVerdict.NoData, []);
        }

        var onBattery = -1;
        for (var i = 0; i < source.Count; i++)
        {
            if (onBattery < 0 && source[i].Max >= Battery && source[i].Min <= Battery)
            {
                onBattery = i;
            }
            else if (onBattery >= 0 && source[i].Avg == Normal)
            {
                var seconds = Math.Round((source[i].Timestamp - source[onBattery].Timestamp).TotalSeconds);
                return (HistoryVerdict.Met, new() { ["seconds_on_battery"] = seconds, ["back_on_mains"] = 1 });
            }
        }

        var figures = new Dictionary<string, double>
        {
            ["seconds_on_battery"] = onBattery < 0 ? 0 : Math.Round((source[^1].Timestamp - source[onBattery].Timestamp).TotalSeconds),
            ["back_on_mains"] = 0,
        };
        return (HistoryVerdict.NotMet, figures);
    }

    /// <summary>Supply-air temperature across the window: min, max and mean within the item's limits.</summary>
    public static (HistoryVerdict Verdict, Dictionary<string, double> Figures) CracSupplyAir(IReadOnlyList<HistorySample> supply, double? min, double? max)
    {
        if (supply.Count == 0)
        {
            return (HistoryVerdict.NoData, []);
        }

        var low = supply.Min(s => s.Min);
        var high = supply.Max(s => s.Max);
        var weight = supply.Sum(s => (double)Math.Max(1, s.Count));
        var mean = supply.Sum(s => s.Avg * Math.Max(1, s.Count)) / weight;
        var met = (min is not { } lo || low >= lo) && (max is not { } hi || high <= hi);
        var figures = new Dictionary<string, double> { ["min"] = low, ["max"] = high, ["mean"] = mean };
        if (min is { } a)
        {
            figures["limit_min"] = a;
        }

        if (max is { } b)
        {
            figures["limit_max"] = b;
        }

        return (met ? HistoryVerdict.Met : HistoryVerdict.NotMet, figures);
    }
}
