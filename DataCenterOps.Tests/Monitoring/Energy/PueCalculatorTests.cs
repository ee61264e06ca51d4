using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Energy;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Tests.Monitoring.History;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Monitoring.Energy;

/// <summary>PUE by ISO/IEC 30134-2 from counters stored in a real monitoring.db and rolled up as in the app.</summary>
public sealed class PueCalculatorTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task DailyPue_IsTheRatioOfEnergies_NotTheAverageOfTheHalfDaysRatios()
    {
        await using var harness = new HistoryHarness();
        // First half: facility 10 kWh, IT 5 kWh (2.0); second half: facility 30 kWh, IT 20 kWh (1.5). Mean of ratios 1.75.
        Write(harness, "meter", 1000, [(12, 10), (12, 30)]);
        Write(harness, "pdu-1", 500, [(12, 3), (12, 12)]);
        Write(harness, "pdu-2", 700, [(12, 2), (12, 8)]);

        var figure = await ComputeAsync(harness, Day, Day.AddDays(1));

        Assert.NotNull(figure);
        Assert.Equal(40, figure.FacilityKwh, 6);
        Assert.Equal(25, figure.ItKwh, 6);
        Assert.Equal(1.6, figure.Value, 6);
        Assert.Equal(PueCategory.PduOutput, figure.Category);
        Assert.Equal("PUE2", figure.CategoryLabel);
        Assert.True(figure.IsComplete);
    }

    [Fact]
    public async Task APduCounterReset_CountsTheEnergyAfterTheReset_NotANegativeOrHugeJump()
    {
        await using var harness = new HistoryHarness();
        Write(harness, "meter", 1000, [(24, 36)]);
        Write(harness, "pdu-1", 900, [(24, 12)]);
        var pdu2 = Counter(800, [(12, 6)]).Concat(Counter(0, [(12, 6)], start: Day.AddHours(12).AddMinutes(5))).ToList(); // cleared at noon
        harness.Writer.WriteBatch([.. pdu2.Select(r => new Reading("pdu-2", "energy", r.At, r.Kwh, "kWh"))]);

        var figure = await ComputeAsync(harness, Day, Day.AddDays(1));

        Assert.NotNull(figure);
        Assert.Equal(24, figure.ItKwh, 0.2);
        Assert.Equal(1.5, figure.Value, 0.01);
    }

    [Fact]
    public async Task AMeterWithoutReadings_GivesNoFigure()
    {
        await using var harness = new HistoryHarness();
        Write(harness, "meter", 1000, [(24, 36)]);
        Write(harness, "pdu-1", 900, [(24, 12)]);

        Assert.Null(await ComputeAsync(harness, Day, Day.AddDays(1)));
    }

    [Fact]
    public async Task APduMeteredOnlyFromNoon_GivesTheAfternoonsRatio_MarkedIncomplete_NotADayFigureThatMissesHalfTheIt()
    {
        await using var harness = new HistoryHarness();
        Write(harness, "meter", 1000, [(12, 20), (12, 30)]);
        Write(harness, "pdu-1", 900, [(12, 10), (12, 12)]);
        harness.Writer.WriteBatch([.. Counter(300, [(12, 8)], start: Day.AddHours(12)).Select(r => new Reading("pdu-2", "energy", r.At, r.Kwh, "kWh"))]);

        var figure = await ComputeAsync(harness, Day, Day.AddDays(1));

        Assert.NotNull(figure);
        Assert.False(figure.IsComplete);
        Assert.True(figure.CoveredFrom >= Day.AddHours(11.9));
        Assert.Equal(30.0 / 20.0, figure.Value, 0.01);
    }

    [Fact]
    public async Task NoItEnergy_GivesNoFigure_RatherThanInfinity()
    {
        await using var harness = new HistoryHarness();
        Write(harness, "meter", 1000, [(24, 36)]);
        Write(harness, "pdu-1", 900, [(24, 0)]);
        Write(harness, "pdu-2", 900, [(24, 0)]);

        Assert.Null(await ComputeAsync(harness, Day, Day.AddDays(1)));
    }

    [Fact]
    public void EnergyCounter_SumsIncreases_TreatsAFallToHalfAsAReset_AndIgnoresSmallDips()
    {
        Assert.Equal(10, EnergyCounter.Increase([100, 105, 110]), 9);
        Assert.Equal(10 + 3, EnergyCounter.Increase([100, 105, 110, 1, 3]), 9);
        Assert.Equal(10, EnergyCounter.Increase([100, 105, 104.9, 110]), 9);
        Assert.Equal(0, EnergyCounter.Increase([100]));
        Assert.Equal(0, EnergyCounter.Increase([]));
    }

    private static async Task<PueFigure?> ComputeAsync(HistoryHarness harness, DateTimeOffset from, DateTimeOffset to)
    {
        await harness.Maintenance.RollupAsync(to.AddMinutes(5), CancellationToken.None);
        var monitoring = new MonitoringOptions
        {
            Devices =
            [
                new() { Id = "meter", Kind = DeviceKind.PowerMeter, Profile = "meter-eastron-sdm630" },
                new() { Id = "pdu-1", Kind = DeviceKind.Pdu, Profile = "pdu-apc-rpdu2" },
                new() { Id = "pdu-2", Kind = DeviceKind.Pdu, Profile = "pdu-apc-rpdu2" },
            ],
        };
        var calculator = new PueCalculator(harness.Query, Options.Create(new PueOptions()), Options.Create(monitoring), new FakeTimeProvider(to.AddMinutes(5)));
        return await calculator.ComputeAsync(from, to, CancellationToken.None);
    }

    // A counter read every 10 minutes from just before the day: each (hours, kWh) segment adds kWh evenly over its hours.
    private static void Write(HistoryHarness harness, string deviceId, double start, (double Hours, double Kwh)[] segments)
    {
        var point = deviceId == "meter" ? EnergyPoints.MeterImport : EnergyPoints.Pdu;
        harness.Writer.WriteBatch([.. Counter(start, segments).Select(r => new Reading(deviceId, point, r.At, r.Kwh, "kWh"))]);
    }

    private static IEnumerable<(DateTimeOffset At, double Kwh)> Counter(double value, (double Hours, double Kwh)[] segments, DateTimeOffset? start = null)
    {
        var at = (start ?? Day) - TimeSpan.FromMinutes(5);
        yield return (at, value);
        foreach (var (hours, kwh) in segments)
        {
            var steps = (int)(TimeSpan.FromHours(hours) / Step);
            for (var i = 0; i < steps; i++)
            {
                at += Step;
                value += kwh / steps;
                yield return (at, value);
            }
        }
    }
}
