using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Routine.Meters;
using DataCenterOps.Web.Shared.Display;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Web.Features.Routine.Meters;

/// <summary>Meter schedules read the meter from real history rows (SQLite and PostgreSQL, domain and history alike).</summary>
public abstract class MeterScheduleTests(StorageProvider provider)
{
    public sealed class Sqlite() : MeterScheduleTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : MeterScheduleTests(StorageProvider.PostgreSql);

    [Fact]
    public async Task GensetPassing250RunHours_CreatesOneDueCheck_AndRunningTwiceStillOne()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        await using var history = await HistoryStores.CreateAsync(provider);
        var now = database.Time.GetUtcNow();
        await history.WriteAsync("genset-1", "engine.run_hours", now.AddMinutes(-40), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1), i => 249.5 + (i * 0.01), "h");
        Assert.Equal(0, (await RunAsync(database, history, "genset-250h")).Created); // 249.7 h: the mark is not passed

        await history.WriteAsync("genset-1", "engine.run_hours", now.AddMinutes(-10), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), i => 250.1 + (i * 0.02), "h");
        var first = await RunAsync(database, history, "genset-250h");
        var second = await RunAsync(database, history, "genset-250h");

        Assert.Equal((1, 0), (first.Created, second.Created));
        await using var db = database.NewContext();
        var check = await db.Set<DueCheck>().Include(d => d.Equipment).SingleAsync(d => d.Schedule!.Code == "genset-250h");
        Assert.Equal(("genset-1", 250L, DueCheckState.Unassigned), (check.Equipment!.MonitoringDeviceId, check.MeterMark, check.State));
        Assert.Equal("engine.run_hours 250.3 ≥ 250", check.Trigger);
        Assert.Equal(check.DueDate.AddDays(MeterDueChecks.DueWithinDays), check.DeadlineDate);
    }

    [Fact]
    public async Task CracPassing2000CompressorHours_CreatesItsDueCheck_ForThatUnitOnly()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        await using var history = await HistoryStores.CreateAsync(provider);
        var now = database.Time.GetUtcNow();
        await history.WriteAsync("crac-1", "compressor.run_hours", now.AddMinutes(-5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), _ => 2_000.4, "h");
        await history.WriteAsync("crac-2", "compressor.run_hours", now.AddMinutes(-5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), _ => 1_998, "h");

        Assert.Equal(1, (await RunAsync(database, history, "crac-2000h")).Created);
        await using var db = database.NewContext();
        Assert.Equal("crac-1", (await db.Set<DueCheck>().Include(d => d.Equipment).SingleAsync()).Equipment!.MonitoringDeviceId);
    }

    private static async Task<PlanningResult> RunAsync(TestDatabase database, HistoryStores history, string code)
    {
        await using var db = database.NewContext();
        await ScheduleSeeder.EnsureShippedAsync(db);
        var scheduleId = await db.Set<MaintenanceSchedule>().Where(s => s.Code == code).Select(s => s.Id).SingleAsync();
        var planner = new DueCheckPlanner(db, database.Time, database.Options, new AuditLog(db, database.Time));
        var meters = new MonitoringMeterReadings(history.Query, new DisplayClock(Options.Create(new DisplayOptions()), database.Time), database.Time);
        return await new MeterDueChecks(db, planner, meters, database.Time, database.Options).RunAsync(scheduleId);
    }
}
