using System.Collections.Concurrent;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.Profiles;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Energy;

/// <summary>
/// PUE from monitoring history by ISO/IEC 30134-2: the facility meters' energy over the IT meters' energy in a period,
/// each the increase of its counter (<see cref="EnergyCounter"/>), over the interval every meter has readings for — a
/// ratio of energies, never an average of ratios. Missing data gives no figure rather than a wrong one: a meter without
/// readings in the period, IT energy of zero, or a ratio below 1 (physically impossible, so a wiring or configuration
/// error) all give null. Figures of periods that ended over two hours ago are kept, as history no longer changes them.
/// </summary>
public sealed class PueCalculator(HistoryQuery history, IOptions<PueOptions> pue, IOptions<MonitoringOptions> monitoring, TimeProvider time)
{
    private static readonly TimeSpan Settled = TimeSpan.FromHours(2);
    private readonly ConcurrentDictionary<(DateTimeOffset, DateTimeOffset), PueFigure?> _settled = new();

    /// <summary>The category the configured IT meters give, or null when PUE cannot be computed (no meters of a known kind).</summary>
    public PueCategory? Category => Meters() is { } meters ? meters.Category : null;

    public async Task<PueFigure?> ComputeAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            return null;
        }

        var settled = to < time.GetUtcNow() - Settled;
        if (settled && _settled.TryGetValue((from, to), out var kept))
        {
            return kept;
        }

        var figure = await ComputeCoreAsync(from, to, cancellationToken).ConfigureAwait(false);
        if (settled)
        {
            _settled[(from, to)] = figure;
        }

        return figure;
    }

    private async Task<PueFigure?> ComputeCoreAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (Meters() is not { } meters)
        {
            return null;
        }

        var resolution = HistoryQuery.ResolutionFor(from, to);
        var (width, slack) = resolution switch
        {
            HistoryResolution.Raw => (TimeSpan.Zero, TimeSpan.FromMinutes(15)),
            HistoryResolution.Minute => (TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15)),
            _ => (TimeSpan.FromHours(1), TimeSpan.FromHours(1)),
        };

        // A reading just before the period anchors its start; a rollup bucket's highest value stands for its end.
        var facility = new List<IReadOnlyList<(DateTimeOffset At, double Kwh)>>();
        var it = new List<IReadOnlyList<(DateTimeOffset At, double Kwh)>>();
        foreach (var (id, point, isIt) in meters.Series)
        {
            var series = await history.GetSeriesAsync(id, point, from - slack, to, resolution, cancellationToken).ConfigureAwait(false);
            var readings = series.Samples.Select(s => (At: Min(s.Timestamp + width, to), Kwh: s.Max)).ToList();
            if (readings.Count < 2)
            {
                return null;
            }

            (isIt ? it : facility).Add(readings);
        }

        var coveredFrom = facility.Concat(it).Max(r => r[0].At);
        var coveredTo = facility.Concat(it).Min(r => r[^1].At);
        if (coveredTo <= coveredFrom)
        {
            return null;
        }

        double Energy(List<IReadOnlyList<(DateTimeOffset At, double Kwh)>> group) =>
            group.Sum(r => EnergyCounter.Increase([.. r.Where(x => x.At >= coveredFrom && x.At <= coveredTo).Select(x => x.Kwh)]));

        var facilityKwh = Energy(facility);
        var itKwh = Energy(it);
        if (itKwh <= 0 || facilityKwh < itKwh)
        {
            return null;
        }

        var tolerance = TimeSpan.FromMinutes(15) > width ? TimeSpan.FromMinutes(15) : width;
        var complete = coveredFrom <= from + tolerance && coveredTo >= to - tolerance - width;
        return new PueFigure(from, to, Max(coveredFrom, from), coveredTo, facilityKwh, itKwh, meters.Category, complete);
    }

    private (IReadOnlyList<(string Id, string Point, bool IsIt)> Series, PueCategory Category)? Meters()
    {
        var devices = monitoring.Value.Devices;
        var options = pue.Value;
        var facility = options.FacilityMeters.Count > 0
            ? [.. options.FacilityMeters.Select(monitoring.Value.Find).OfType<DeviceOptions>()]
            : devices.Where(d => d.Kind == DeviceKind.PowerMeter).ToList();
        var it = options.ItMeters.Count > 0
            ? [.. options.ItMeters.Select(monitoring.Value.Find).OfType<DeviceOptions>()]
            : devices.Where(d => d.Kind == DeviceKind.Pdu).ToList() is { Count: > 0 } pdus ? pdus : devices.Where(d => d.Kind == DeviceKind.Ups).ToList();
        var unknownId = facility.Count < options.FacilityMeters.Count || it.Count < options.ItMeters.Count;
        if (unknownId || facility.Count == 0 || it.Count == 0
            || facility.Any(d => d.Kind != DeviceKind.PowerMeter) || it.Any(d => d.Kind is not (DeviceKind.Pdu or DeviceKind.Ups)))
        {
            return null;
        }

        // Mixed UPS and PDU metering is reported at the weaker category.
        var category = it.Any(d => d.Kind == DeviceKind.Pdu) ? PueCategory.PduOutput : PueCategory.UpsOutput;
        var series = facility.Select(d => (Id: d.Id, Point: EnergyPoints.For(d.Kind)!, IsIt: false))
            .Concat(it.Select(d => (Id: d.Id, Point: EnergyPoints.For(d.Kind)!, IsIt: true)))
            .ToList();
        return (series, category);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
