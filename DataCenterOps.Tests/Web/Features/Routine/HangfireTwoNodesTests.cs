using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Routine.Jobs;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>
/// Two nodes, each with its own Hangfire server, on one PostgreSQL database: the configuration for several nodes
/// (ADR 0008); the embedded SQLite store is one node's.
/// </summary>
public sealed class HangfireTwoNodesTests : IAsyncLifetime
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dirA = new();
    private readonly TempDirectory _dirB = new();
    private readonly string _database = "dcops_hangfire_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _key = Convert.ToBase64String(EvidenceKey.NewKeyBytes());
    private RoutineHost _a = null!;
    private RoutineHost _b = null!;

    public async Task InitializeAsync()
    {
        var connection = await PostgresServer.ConnectionStringAsync(_database);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:DataCenterOps"] = connection,
            ["Evidence:Key"] = _key,
        };
        _a = await RoutineHost.StartAsync(_dirA.Path, hangfire: true, settings: settings);
        _b = await RoutineHost.StartAsync(_dirB.Path, hangfire: true, settings: settings);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        _dirB.Dispose();
        _dirA.Dispose();
    }

    [Fact]
    public async Task TwoServersOnOneStore_RunningTheSameJobs_CreateOneItemPerCheck()
    {
        var scenario = await RoutineScenario.CreateAsync(_a);
        await scenario.EquipmentAsync(EquipmentKind.Genset, "Genset 1");
        await scenario.CreatePlanAsync(await scenario.IssueLetterAsync(EquipmentKind.Genset));
        var scheduleId = await _a.DbAsync(db => db.Set<MaintenanceSchedule>().Where(s => s.Code == "genset-weekly").Select(s => s.Id).SingleAsync());

        var jobs = new List<string>();
        foreach (var host in new[] { _a, _b, _a, _b, _a, _b })
        {
            jobs.Add(host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ScheduleJob>(j => j.RunAsync(scheduleId, CancellationToken.None)));
        }

        foreach (var job in jobs)
        {
            await _a.WaitForJobStateAsync(job, SucceededState.StateName, s_wait);
        }

        Assert.Equal(2, _a.JobStorage.GetMonitoringApi().Servers().Count);
        var check = Assert.Single(await _b.DbAsync(db => db.Set<DueCheck>().ToListAsync()));
        Assert.Equal(new DateOnly(2026, 11, 23), check.DueDate);
        Assert.Equal(check.WorkPlanItemId, Assert.Single(await _b.DbAsync(db => db.WorkPlanItems.ToListAsync())).Id);
    }
}
