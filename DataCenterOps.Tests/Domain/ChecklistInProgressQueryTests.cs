using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Domain;

/// <summary>The room tiles' "in maintenance": monitored equipment with a checklist in progress, from the Domain.</summary>
/// <remarks>Runs on both providers: <c>ChecklistInProgressQueryTests+Sqlite</c> and <c>ChecklistInProgressQueryTests+PostgreSql</c>.</remarks>
public abstract class ChecklistInProgressQueryTests(StorageProvider provider)
{
    public sealed class Sqlite() : ChecklistInProgressQueryTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : ChecklistInProgressQueryTests(StorageProvider.PostgreSql);

    [Fact]
    public async Task MonitoredEquipment_IsInMaintenance_OnlyWhileItsChecklistIsInProgress()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.Planning);
        await flow.PublishAsync();
        Assert.Empty(await DevicesAsync(database)); // published, nobody has started

        var (executionId, inspector) = (await flow.ExecutionsAsync()).Single();
        await using (var db = database.NewContext())
        {
            var checklists = new ChecklistService(db, database.Time, new AuditLog(db, database.Time));
            var item = (await checklists.FindAsync(executionId))!.WorkPlanItem!.Template!.Items.First(i => i.Kind != ChecklistItemKind.Photo);
            await checklists.AnswerAsync(People.Actor(inspector), executionId, item.Id, SopFlow.GoodAnswer(item));
        }

        Assert.Equal("ups-1", Assert.Single(await DevicesAsync(database)));

        await flow.CompleteChecklistsAsync();
        Assert.Empty(await DevicesAsync(database));
    }

    private static async Task<IReadOnlySet<string>> DevicesAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await new MaintenanceWindowQueries(db).DevicesWithChecklistInProgressAsync();
    }
}
