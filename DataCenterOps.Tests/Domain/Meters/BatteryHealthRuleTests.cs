using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain.Meters;

/// <summary>Battery health: last month's load-normalised runtime against the first months' baseline; one due check per month.</summary>
public abstract class BatteryHealthRuleTests(StorageProvider provider)
{
    public sealed class Sqlite() : BatteryHealthRuleTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : BatteryHealthRuleTests(StorageProvider.PostgreSql);

    // The clock is at 2 March 2026: February is the month judged; November to January make the baseline (26 min at 38 %).
    private static readonly BatteryMonth[] s_baseline = [new(2025, 11, 26, 38), new(2025, 12, 26.4, 38), new(2026, 1, 25.6, 38)];

    [Fact]
    public async Task Drop25Percent_RaisesOneFinding_AlsoWhenRunTwice()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var months = new FixedMonths([.. s_baseline, new(2026, 2, 19.5, 38)]);

        var first = await RunAsync(database, months);
        var second = await RunAsync(database, months);

        Assert.Equal((1, 0), (first.Created, second.Created));
        await using var db = database.NewContext();
        var check = await db.Set<DueCheck>().Include(d => d.Equipment).SingleAsync(d => d.Schedule!.Code == "ups-battery-health");
        Assert.Equal(("ups-1", 202602L), (check.Equipment!.MonitoringDeviceId, check.MeterMark));
        Assert.Contains("25 % below baseline", check.Trigger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drop10Percent_OrLessRuntimeAtMoreLoad_RaisesNone()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);

        Assert.Equal(0, (await RunAsync(database, new FixedMonths([.. s_baseline, new(2026, 2, 23.4, 38)]))).Created);
        // 20 min at 49.4 % load is 26 min at the baseline's 38 %: the battery is as good as it was.
        Assert.Equal(0, (await RunAsync(database, new FixedMonths([.. s_baseline, new(2026, 2, 20, 49.4)]))).Created);
        await using var db = database.NewContext();
        Assert.False(await db.Set<DueCheck>().AnyAsync());
    }

    [Fact]
    public void Trend_NormalisesToTheBaselineLoad_AndMarksTheBaselineMonths()
    {
        var trend = BatteryHealth.Trend([.. s_baseline, new(2026, 2, 19.5, 38)]);

        Assert.Equal([true, true, true, false], trend.Select(p => p.IsBaseline));
        Assert.Equal(25, trend[^1].DropPercent, 1);
        Assert.NotNull(BatteryHealth.Finding(trend, 2026, 2));
    }

    private static async Task<PlanningResult> RunAsync(TestDatabase database, IMeterReadings months)
    {
        await using var db = database.NewContext();
        await ScheduleSeeder.EnsureShippedAsync(db);
        var scheduleId = await db.Set<MaintenanceSchedule>().Where(s => s.Code == "ups-battery-health").Select(s => s.Id).SingleAsync();
        var planner = new DueCheckPlanner(db, database.Time, database.Options, new AuditLog(db, database.Time));
        return await new MeterDueChecks(db, planner, months, database.Time, database.Options).RunAsync(scheduleId);
    }

    /// <summary>The same months for every UPS asked about (ups-1 only has them; the others have none).</summary>
    private sealed class FixedMonths(IReadOnlyList<BatteryMonth> months) : IMeterReadings
    {
        public Task<double?> LatestAsync(string deviceId, string point, CancellationToken cancellationToken) => Task.FromResult<double?>(null);

        public Task<IReadOnlyList<BatteryMonth>> BatteryMonthsAsync(string deviceId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
            Task.FromResult(deviceId == "ups-1" ? months : (IReadOnlyList<BatteryMonth>)[]);
    }
}
