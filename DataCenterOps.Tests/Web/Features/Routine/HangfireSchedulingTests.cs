using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Routine.Jobs;
using Hangfire.States;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>A real Hangfire server in-process on SQLite storage in a temp folder.</summary>
public sealed class HangfireSchedulingTests : IAsyncLifetime
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly SmtpSink _smtp = new();
    private RoutineHost _host = null!;
    private RoutineScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _host = await RoutineHost.StartAsync(_dir.Path, hangfire: true, smtpPort: _smtp.Port);
        _scenario = await RoutineScenario.CreateAsync(_host);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public void TheServer_BuildsJobsFromThisHostsServices_NotFromTheProcessWideActivator()
    {
        // JobActivator.Current is set by whichever host configured Hangfire last: a server holding it ran one CI job
        // in another test's disposed container (ObjectDisposedException on every retry).
        Assert.NotSame(JobActivator.Current, _host.Services.GetRequiredService<JobActivator>());
    }

    [Fact]
    public async Task RecurringSchedule_Fires_AndCreatesExactlyOneItemPerDueCheck()
    {
        var crac1 = await _scenario.EquipmentAsync(EquipmentKind.Cooling, "CRAC 1");
        var crac2 = await _scenario.EquipmentAsync(EquipmentKind.Cooling, "CRAC 2");
        var plan = await _scenario.CreatePlanAsync(await _scenario.IssueLetterAsync(EquipmentKind.Cooling));
        var recurring = (IRecurringJobManagerV2)_host.Services.GetRequiredService<IRecurringJobManager>();

        var first = recurring.TriggerJob(RoutineJobIds.Schedule("crac-daily"));
        var second = recurring.TriggerJob(RoutineJobIds.Schedule("crac-daily"));
        await WaitForStateAsync(first, SucceededState.StateName);
        await WaitForStateAsync(second, SucceededState.StateName);

        var checks = await _host.DbAsync(db => db.Set<DueCheck>().Include(d => d.WorkPlanItem).ToListAsync());
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.Equal(DueCheckState.Planned, c.State));
        Assert.Equal(new[] { crac1, crac2 }.Order(), checks.Select(c => c.EquipmentId).Order());
        var items = await _host.DbAsync(db => db.WorkPlanItems.Where(i => i.PlanId == plan).ToListAsync());
        Assert.Equal(2, items.Count);
        Assert.Equal(items.Select(i => i.Id).Order(), checks.Select(c => c.WorkPlanItemId!.Value).Order());
        // Spread over both Pemeriksa named on the letter, on today's date (Asia/Makassar).
        Assert.Equal(new[] { _scenario.Inspector1, _scenario.Inspector2 }.Order(StringComparer.Ordinal), items.Select(i => i.InspectorId).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.Equal(new DateOnly(2026, 11, 25), i.PlannedDate));
    }

    [Fact]
    public async Task FailingJob_IsRetried_ThenSucceeds_WithoutDuplicates()
    {
        await _scenario.EquipmentAsync(EquipmentKind.Environment, "Room sensors");
        await _scenario.EquipmentAsync(EquipmentKind.Genset, "Genset 1");
        await _scenario.CreatePlanAsync(await _scenario.IssueLetterAsync(EquipmentKind.Environment));
        // The first email is refused with a temporary failure: the sweep throws after planning part of its work.
        _smtp.FailNextData = 1;

        var jobId = _host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SweepJob>(j => j.RunAsync(CancellationToken.None));
        await WaitForStateAsync(jobId, SucceededState.StateName);

        using (var connection = _host.JobStorage.GetConnection())
        {
            Assert.Equal("1", connection.GetJobParameter(jobId, "RetryCount"));
        }

        Assert.Equal(1, _smtp.RejectedCount);
        var checks = await _host.DbAsync(db => db.Set<DueCheck>().Include(d => d.Schedule).ToListAsync());
        // One genset (weekly, monthly load, annual) and one room sensor (daily): four due checks, each once.
        Assert.Equal(4, checks.Count);
        Assert.Equal(4, checks.Select(c => (c.ScheduleId, c.EquipmentId, c.DueDate)).Distinct().Count());
        var planned = Assert.Single(checks, c => c.State == DueCheckState.Planned);
        Assert.Equal("room-daily", planned.Schedule!.Code);
        Assert.Equal(1, await _host.DbAsync(db => db.WorkPlanItems.CountAsync()));

        // The three gensets checks nobody covers are raised to the Pengawas: one email each, none twice.
        var messages = _smtp.Messages.ToList();
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Equal([RoutineScenario.EmailOf("pengawas")], m.To));
        Assert.Equal(3, messages.Select(m => m.Subject).Distinct().Count());
        Assert.All(messages, m => Assert.StartsWith("[DataCenterOps] No Surat Tugas covers:", m.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameScheduleJob_RunTwiceAndConcurrently_CreatesOneItemPerCheck()
    {
        await _scenario.EquipmentAsync(EquipmentKind.Ups, "UPS 1");
        await _scenario.CreatePlanAsync(await _scenario.IssueLetterAsync(EquipmentKind.Ups));
        var scheduleId = await _host.DbAsync(db => db.Set<MaintenanceSchedule>().Where(s => s.Code == "ups-monthly").Select(s => s.Id).SingleAsync());

        // Two Hangfire workers and four direct callers at once, each with its own scope and DbContext.
        var client = _host.Services.GetRequiredService<IBackgroundJobClient>();
        var jobs = new[]
        {
            client.Enqueue<ScheduleJob>(j => j.RunAsync(scheduleId, CancellationToken.None)),
            client.Enqueue<ScheduleJob>(j => j.RunAsync(scheduleId, CancellationToken.None)),
        };
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            _host.InScopeAsync(sp => sp.GetRequiredService<ScheduleJob>().RunAsync(scheduleId, CancellationToken.None)))));
        foreach (var job in jobs)
        {
            await WaitForStateAsync(job, SucceededState.StateName);
        }

        var check = Assert.Single(await _host.DbAsync(db => db.Set<DueCheck>().ToListAsync()));
        Assert.Equal(DueCheckState.Planned, check.State);
        Assert.Equal(new DateOnly(2026, 11, 1), check.DueDate);
        Assert.Equal(new DateOnly(2026, 11, 30), check.DeadlineDate);
        var item = Assert.Single(await _host.DbAsync(db => db.WorkPlanItems.ToListAsync()));
        Assert.Equal(item.Id, check.WorkPlanItemId);
        Assert.Equal(1, await _host.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "DueCheckPlanned")));
    }

    private Task WaitForStateAsync(string jobId, string state) => _host.WaitForJobStateAsync(jobId, state, s_wait);
}
