using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.Web.Features.Steps;
using DataCenterOps.Web.Features.Room;
using DataCenterOps.Web.Shared.Display;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Room;

/// <summary>The room tiles' maintenance state as the real app wires it: through the Domain's query service, nothing without the Domain.</summary>
public sealed class ChecklistMaintenanceStatusTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task NoDeviceIsInMaintenance_OnAHostWithoutTheDomain()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        var status = new ChecklistMaintenanceStatus(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);

        Assert.Empty(await status.GetDevicesInMaintenanceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheUps_IsInMaintenance_OnceItsChecklistIsInProgress()
    {
        var scenario = await DocumentScenario.CreateAsync(app);
        var letterId = await scenario.IssueLetterAsync();
        var manager = await scenario.ActorAsync(scenario.Manager);
        var inspector = await scenario.ActorAsync(scenario.Inspector);
        var executionId = await scenario.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DataCenterOpsDbContext>();
            var plans = sp.GetRequiredService<WorkPlanService>();
            var plan = await plans.CreateAsync(manager, letterId, "Rencana Kerja UPS");
            var equipment = await db.Equipment.Where(e => e.MonitoringDeviceId == "ups-1").Select(e => e.Id).SingleAsync();
            var template = await db.ChecklistTemplates.Where(t => t.Code == "ups-monthly").Select(t => t.Id).SingleAsync();
            await plans.AddItemAsync(manager, plan.Id, equipment, template, sp.GetRequiredService<DisplayClock>().Today, scenario.Inspector);
            await plans.PublishAsync(manager, plan.Id);
            return await db.ChecklistExecutions.Where(e => e.WorkPlanItem!.PlanId == plan.Id).Select(e => e.Id).SingleAsync();
        });
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var before = await new ChecklistMaintenanceStatus(scopes, TimeProvider.System).GetDevicesInMaintenanceAsync(CancellationToken.None);

        await scenario.InScopeAsync(async sp =>
        {
            var checklists = sp.GetRequiredService<ChecklistService>();
            var item = (await checklists.FindAsync(executionId))!.WorkPlanItem!.Template!.Items.First(i => i.Kind == ChecklistItemKind.PassFail);
            await checklists.AnswerAsync(inspector, executionId, item.Id, new AnswerInput(PassFail: PassFailResult.Pass));
            return 0;
        });
        var during = await new ChecklistMaintenanceStatus(scopes, TimeProvider.System).GetDevicesInMaintenanceAsync(CancellationToken.None);

        Assert.DoesNotContain("ups-1", before);
        Assert.Contains("ups-1", during);
    }
}
