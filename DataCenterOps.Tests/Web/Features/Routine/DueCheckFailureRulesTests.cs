using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Routine.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>
/// "Equipment failed" takes a check out of compliance counting, so it must not become a way to hide a missed check:
/// only the Pengelola or the assigned Pemeriksa may record it, and only within the check's period.
/// </summary>
public sealed class DueCheckFailureRulesTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly SmtpSink _smtp = new();
    private RoutineHost _host = null!;
    private RoutineScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _host = await RoutineHost.StartAsync(_dir.Path, smtpPort: _smtp.Port);
        _scenario = await RoutineScenario.CreateAsync(_host);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task UnassignedCheck_CanBeMarkedFailedByThePengelola_NotByAnyPemeriksa()
    {
        await _scenario.EquipmentAsync(EquipmentKind.FireSuppression, "Fire suppression 1");
        await RunScheduleAsync("fire-monthly");
        var check = await _host.DbAsync(db => db.Set<DueCheck>().Select(d => d.Id).SingleAsync());

        var byInspector = await Assert.ThrowsAsync<SopRuleViolationException>(async () =>
            await MarkAsync(_scenario.Inspector2, check));
        await MarkAsync(_scenario.Manager, check);

        Assert.Equal(SopError.NotAssignedInspector, byInspector.Code);
        var stored = await _host.DbAsync(db => db.Set<DueCheck>().SingleAsync());
        Assert.Equal(DueCheckState.EquipmentFailed, stored.State);
        Assert.Equal(_scenario.Manager, stored.FailureRecordedById);
    }

    [Fact]
    public async Task CheckWhosePeriodIsOver_StaysMissed_EvenForThePengelola()
    {
        await _scenario.EquipmentAsync(EquipmentKind.Cooling, "CRAC 1");
        var plan = await _scenario.CreatePlanAsync(await _scenario.IssueLetterAsync(EquipmentKind.Cooling));
        await RunScheduleAsync("crac-daily");
        await _scenario.PublishAsync(plan);
        var check = await _host.DbAsync(db => db.Set<DueCheck>().Select(d => d.Id).SingleAsync());
        _host.Time.Advance(TimeSpan.FromDays(1));

        var late = await Assert.ThrowsAsync<SopRuleViolationException>(async () => await MarkAsync(_scenario.Manager, check));

        Assert.Equal("DueCheckPeriodOver", late.MessageKey);
        var overdue = await _host.InScopeAsync(sp => sp.GetRequiredService<DueCheckService>().OverdueAsync());
        Assert.Equal(check, Assert.Single(overdue).DueCheckId);
    }

    private async Task MarkAsync(string userId, Guid check)
    {
        var actor = await _scenario.ActorAsync(userId);
        await _host.InScopeAsync(sp => sp.GetRequiredService<DueCheckService>().MarkEquipmentFailedAsync(actor, check, "Kompresor rusak; vendor dipanggil"));
    }

    private async Task RunScheduleAsync(string code)
    {
        var id = await _host.DbAsync(db => db.Set<MaintenanceSchedule>().Where(s => s.Code == code).Select(s => s.Id).SingleAsync());
        await _host.InScopeAsync(sp => sp.GetRequiredService<ScheduleJob>().RunAsync(id, CancellationToken.None));
    }
}
