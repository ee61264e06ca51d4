using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Routine.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>Overdue detection on a fake clock, and email through a local SMTP sink: one per escalation level, never per retry.</summary>
public sealed class OverdueEscalationTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly SmtpSink _smtp = new();
    private RoutineHost _host = null!;
    private RoutineScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _host = await RoutineHost.StartAsync(_dir.Path, smtpPort: _smtp.Port,
            settings: new Dictionary<string, string?> { ["Routine:EscalateAfter"] = "04:00:00" });
        _scenario = await RoutineScenario.CreateAsync(_host);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task OverdueStep_NotifiesTheResponsible_ThenEscalatesToSupervisorsOnce()
    {
        await _scenario.CreatePlanAsync(await _scenario.IssueLetterAsync(EquipmentKind.Ups));

        // Step 2 (Rencana Kerja, 1 day) is open but not late yet.
        _host.Time.Advance(TimeSpan.FromHours(23));
        await RunSlaAsync();
        Assert.Empty(_smtp.Messages);

        // Late: the Pengelola named on the letter hears first, once, however often the job runs.
        _host.Time.Advance(TimeSpan.FromHours(2));
        await RunSlaAsync();
        await RunSlaAsync();
        var first = Assert.Single(await _smtp.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal([RoutineScenario.EmailOf("pengelola")], first.To);
        Assert.Contains("SOP step 2", first.Subject, StringComparison.Ordinal);

        // Still late after Routine:EscalateAfter: escalated to the Pengawas, once.
        _host.Time.Advance(TimeSpan.FromHours(4));
        await RunSlaAsync();
        await RunSlaAsync();
        var all = await _smtp.WaitForAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, all.Count);
        Assert.Equal([RoutineScenario.EmailOf("pengawas")], all[1].To);
        Assert.StartsWith("[DataCenterOps] Escalated:", all[1].Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotificationRefusedBySmtp_IsSentOnceOnRetry_NotTwice()
    {
        await _scenario.CreatePlanAsync(await _scenario.IssueLetterAsync(EquipmentKind.Ups));
        _host.Time.Advance(TimeSpan.FromHours(25));
        _smtp.FailNextData = 1;

        await Assert.ThrowsAnyAsync<Exception>(RunSlaAsync);
        Assert.Empty(_smtp.Messages);
        var pending = Assert.Single(await _host.DbAsync(db => db.Set<NotificationRecord>().ToListAsync()));
        Assert.Null(pending.SentAtUtc);
        Assert.NotNull(pending.LastError);

        // The retry (as Hangfire would run it) sends it; further runs do not.
        await RunSlaAsync();
        await RunSlaAsync();
        Assert.Single(await _smtp.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        var sent = Assert.Single(await _host.DbAsync(db => db.Set<NotificationRecord>().ToListAsync()));
        Assert.NotNull(sent.SentAtUtc);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal(1, _smtp.RejectedCount);
    }

    [Fact]
    public async Task ConcurrentSlaRuns_SendEachNotificationOnce()
    {
        await _scenario.CreatePlanAsync(await _scenario.IssueLetterAsync(EquipmentKind.Ups));
        _host.Time.Advance(TimeSpan.FromHours(30));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(RunSlaAsync)));

        // Level 1 to the Pengelola and level 2 to the Pengawas (late by more than 4 h), each exactly once.
        var messages = await _smtp.WaitForAsync(2, TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        Assert.Equal(2, _smtp.Messages.Count);
        Assert.Equal(2, messages.Select(m => m.To[0]).Distinct().Count());
    }

    [Fact]
    public async Task MissedCheck_IsOverdueAfterItsPeriod_ButFailedEquipmentIsNot()
    {
        var crac1 = await _scenario.EquipmentAsync(EquipmentKind.Cooling, "CRAC 1");
        await _scenario.EquipmentAsync(EquipmentKind.Cooling, "CRAC 2");
        var plan = await _scenario.CreatePlanAsync(await _scenario.IssueLetterAsync(EquipmentKind.Cooling));
        await RunScheduleAsync("crac-daily");
        await _scenario.PublishAsync(plan);
        var failed = await _host.DbAsync(db => db.Set<DueCheck>().Where(d => d.EquipmentId == crac1).Select(d => d.Id).SingleAsync());
        var manager = await _scenario.ActorAsync(_scenario.Manager);
        await _host.InScopeAsync(sp => sp.GetRequiredService<DueCheckService>().MarkEquipmentFailedAsync(manager, failed, "Compressor failed; vendor called"));

        // Within its day nothing is overdue.
        Assert.Empty(await _host.InScopeAsync(sp => sp.GetRequiredService<DueCheckService>().OverdueAsync()));

        _host.Time.Advance(TimeSpan.FromDays(1));
        var overdue = await _host.InScopeAsync(sp => sp.GetRequiredService<DueCheckService>().OverdueAsync());
        var missed = Assert.Single(overdue);
        Assert.Equal("CRAC 2", missed.EquipmentName);

        await RunSlaAsync();
        var keys = await _host.DbAsync(db => db.Set<NotificationRecord>().Select(n => n.DedupeKey).ToListAsync());
        Assert.Contains($"duecheck:{missed.DueCheckId:N}:L1", keys);
        Assert.DoesNotContain(keys, k => k.Contains(failed.ToString("N"), StringComparison.Ordinal));

        var month = await _host.InScopeAsync(sp => sp.GetRequiredService<ComplianceService>().MonthAsync(2026, 11));
        Assert.Equal([ComplianceOutcome.EquipmentFailed, ComplianceOutcome.Missed], month.Rows.OrderBy(r => r.EquipmentName).Select(r => r.Outcome));
        Assert.Equal("Compressor failed; vendor called", month.Rows.Single(r => r.EquipmentId == crac1).Reason);
    }

    [Fact]
    public async Task CheckDoneThroughTheSop_CountsAsOnTime_AndLateWhenDoneAfterItsPeriod()
    {
        await _scenario.EquipmentAsync(EquipmentKind.Genset, "Genset 1");
        var plan = await _scenario.CreatePlanAsync(await _scenario.IssueLetterAsync(EquipmentKind.Genset));
        await RunScheduleAsync("genset-weekly");
        await _scenario.PublishAsync(plan);
        await _scenario.CompleteChecklistsAsync(plan);
        var onTime = Assert.Single((await _host.InScopeAsync(sp => sp.GetRequiredService<ComplianceService>().MonthAsync(2026, 11))).Rows);
        Assert.Equal(ComplianceOutcome.OnTime, onTime.Outcome);

        // Next week's check, planned into the published plan, done only after its week ended.
        _host.Time.Advance(TimeSpan.FromDays(5));
        await RunScheduleAsync("genset-weekly");
        _host.Time.Advance(TimeSpan.FromDays(8));
        await _scenario.CompleteChecklistsAsync(plan);
        var rows = (await _host.InScopeAsync(sp => sp.GetRequiredService<ComplianceService>().MonthAsync(2026, 11))).Rows;
        Assert.Equal([ComplianceOutcome.OnTime, ComplianceOutcome.Late], rows.Select(r => r.Outcome));
    }

    [Fact]
    public async Task UncoveredCheck_IsRaisedToSupervisors_AndPlannedOnceALetterExists()
    {
        await _scenario.EquipmentAsync(EquipmentKind.FireSuppression, "Fire suppression 1");
        await RunScheduleAsync("fire-monthly");
        var check = Assert.Single(await _host.DbAsync(db => db.Set<DueCheck>().ToListAsync()));
        Assert.Equal(DueCheckState.Unassigned, check.State);
        var raised = Assert.Single(await _smtp.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal([RoutineScenario.EmailOf("pengawas")], raised.To);

        // SOP step 1 and 2 happen; the hourly sweep then plans it (and the semi-annual and annual checks), raising nothing more.
        await _scenario.CreatePlanAsync(await _scenario.IssueLetterAsync(EquipmentKind.FireSuppression));
        await _host.InScopeAsync(sp => sp.GetRequiredService<SweepJob>().RunAsync(CancellationToken.None));
        var all = await _host.DbAsync(db => db.Set<DueCheck>().ToListAsync());
        Assert.Equal(3, all.Count);
        Assert.All(all, c => Assert.Equal(DueCheckState.Planned, c.State));
        Assert.Contains(all, c => c.Id == check.Id);
        Assert.Single(_smtp.Messages);
    }

    private Task RunSlaAsync() => _host.InScopeAsync(sp => sp.GetRequiredService<SlaJob>().RunAsync(CancellationToken.None));

    private async Task RunScheduleAsync(string code)
    {
        var id = await _host.DbAsync(db => db.Set<MaintenanceSchedule>().Where(s => s.Code == code).Select(s => s.Id).SingleAsync());
        await _host.InScopeAsync(sp => sp.GetRequiredService<ScheduleJob>().RunAsync(id, CancellationToken.None));
    }
}
