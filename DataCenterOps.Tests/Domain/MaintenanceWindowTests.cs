using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain;

public sealed class MaintenanceWindowTests
{
    [Fact]
    public async Task ExecutingPlanItem_IsAWindow_OnItsPlannedDay_AndWhileItsChecklistIsOpen()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.Planning);
        Assert.Empty(await CurrentAsync(database)); // planned, not yet executing
        await flow.PublishAsync();

        var planned = Assert.Single(await CurrentAsync(database));
        Assert.Equal(("ups-1", MaintenanceWindowSource.WorkPlan), (planned.DeviceId, planned.Source));
        Assert.Equal(planned.StartUtc.AddDays(1), planned.EndUtc); // the planned day, in the SOP's zone

        database.Time.Advance(TimeSpan.FromDays(2));
        Assert.Empty(await CurrentAsync(database)); // the day has passed and nobody started

        var (executionId, inspector) = (await flow.ExecutionsAsync()).Single();
        await using (var db = database.NewContext())
        {
            var checklists = new ChecklistService(db, database.Time, new AuditLog(db, database.Time));
            var item = (await checklists.FindAsync(executionId))!.WorkPlanItem!.Template!.Items.First(i => i.Kind != ChecklistItemKind.Photo);
            await checklists.AnswerAsync(People.Actor(inspector), executionId, item.Id, SopFlow.GoodAnswer(item));
        }

        var open = Assert.Single(await CurrentAsync(database));
        Assert.Null(open.EndUtc); // late, but the checklist is open

        await flow.CompleteChecklistsAsync();
        Assert.Empty(await CurrentAsync(database));
    }

    [Fact]
    public async Task AdHocWindow_IsOpenedByAPengawas_Audited_AndRefusedToOthers()
    {
        await using var database = await TestDatabase.CreateSopAsync();
        var flow = new SopFlow(database);
        var equipment = await flow.EquipmentAsync("crac-1");
        var now = database.Time.GetUtcNow().UtcDateTime;

        await using (var db = database.NewContext())
        {
            var windows = new MaintenanceWindowService(db, database.Time, new AuditLog(db, database.Time));
            var refused = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
                windows.OpenAsync(People.Actor(People.Inspector1), equipment, now, now.AddHours(2), "Ganti filter"));
            Assert.Equal("MaintenanceWindowNeedsRole", refused.MessageKey);
            var backwards = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
                windows.OpenAsync(People.Actor(People.Supervisor), equipment, now.AddHours(2), now, "Ganti filter"));
            Assert.Equal("MaintenanceWindowPeriod", backwards.MessageKey);
            await windows.OpenAsync(People.Actor(People.Supervisor), equipment, now, now.AddHours(2), "Ganti filter");
        }

        var window = Assert.Single(await CurrentAsync(database));
        Assert.Equal(("crac-1", MaintenanceWindowSource.AdHoc, "Ganti filter", now.AddHours(2)), (window.DeviceId, window.Source, window.Reason, window.EndUtc));
        await using (var check = database.NewContext())
        {
            Assert.Single(await check.AuditEntries.Where(a => a.Action == "MaintenanceWindowOpened").ToListAsync());
        }

        database.Time.Advance(TimeSpan.FromHours(2));
        Assert.Empty(await CurrentAsync(database));
    }

    private static async Task<IReadOnlyList<MaintenancePeriod>> CurrentAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await new MaintenanceWindowQueries(db).CurrentAsync(database.Time.GetUtcNow().UtcDateTime, database.Sop.Zone, TimeSpan.Zero);
    }
}
