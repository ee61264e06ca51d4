using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Photos;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Web.Shared.Display;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Steps.Photos;

/// <summary>The daily room walk-through (it ends with the photo of the room, ShippedNames.RoomPhoto) through the app's own Domain services, with the demo people.</summary>
internal sealed class PhotoScenario(IServiceProvider services)
{
    public const string InspectorEmail = "pemeriksa1@dcops.local";

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<Actor> ActorAsync(string email) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<DataCenterOpsDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await Actors.LoadAsync(db, id);
    });

    /// <summary>Steps 1–2: a letter for the room sensors and a published plan; the checklist execution's id and its photo item.</summary>
    public async Task<(Guid PlanId, Guid ExecutionId, ChecklistTemplateItem PhotoItem)> PublishRoomPlanAsync()
    {
        var supervisor = await ActorAsync("supervisor@dcops.local");
        var manager = await ActorAsync("pengelola@dcops.local");
        var inspector = await ActorAsync(InspectorEmail);
        var now = DateTime.UtcNow;
        var letterId = await InScopeAsync(async sp =>
        {
            var letters = sp.GetRequiredService<AssignmentLetterService>();
            var letter = await letters.CreateDraftAsync(supervisor, new NewAssignmentLetter(
                "Pemeriksaan harian ruang DC", manager.UserId, [inspector.UserId], [], [EquipmentKind.Environment], now.AddHours(-1), now.AddDays(7)));
            await letters.IssueAsync(supervisor, letter.Id);
            return letter.Id;
        });
        var planId = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DataCenterOpsDbContext>();
            var plans = sp.GetRequiredService<WorkPlanService>();
            var plan = await plans.CreateAsync(manager, letterId, "Rencana Kerja ruang");
            var equipment = await db.Equipment.Where(e => e.MonitoringDeviceId == "env-1").Select(e => e.Id).SingleAsync();
            var template = await db.ChecklistTemplates.Where(t => t.Code == "room-daily").Select(t => t.Id).SingleAsync();
            await plans.AddItemAsync(manager, plan.Id, equipment, template, sp.GetRequiredService<DisplayClock>().Today, inspector.UserId);
            await plans.PublishAsync(manager, plan.Id);
            return plan.Id;
        });
        return await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DataCenterOpsDbContext>();
            var execution = await db.ChecklistExecutions.Include(e => e.WorkPlanItem!).ThenInclude(i => i.Template!).ThenInclude(t => t.Items)
                .SingleAsync(e => e.WorkPlanItem!.PlanId == planId);
            return (planId, execution.Id, execution.WorkPlanItem!.Template!.Items.Single(i => i.Kind == ChecklistItemKind.Photo));
        });
    }

    /// <summary>Stores the photo as an upload would and answers the photo item with it; the reference.</summary>
    public async Task<string> AnswerPhotoAsync(Guid executionId, ChecklistTemplateItem photoItem, byte[] photo)
    {
        var inspector = await ActorAsync(InspectorEmail);
        return await InScopeAsync(async sp =>
        {
            var reference = await sp.GetRequiredService<PhotoStore>().SaveAsync(new MemoryStream(photo));
            await sp.GetRequiredService<ChecklistService>().AnswerAsync(inspector, executionId, photoItem.Id, new AnswerInput(PhotoReference: reference));
            return reference;
        });
    }

    /// <summary>Steps 3–6 for the rest: every other item answered, completed, submitted, approved and archived.</summary>
    public async Task<ArchivedReport> FinishAndArchiveAsync(Guid planId, Guid executionId)
    {
        var inspector = await ActorAsync(InspectorEmail);
        var supervisor = await ActorAsync("supervisor@dcops.local");
        var manager = await ActorAsync("pengelola@dcops.local");
        await InScopeAsync(async sp =>
        {
            var checklists = sp.GetRequiredService<ChecklistService>();
            var execution = (await checklists.FindAsync(executionId))!;
            foreach (var item in execution.WorkPlanItem!.Template!.Items.Where(i => i.Kind is not (ChecklistItemKind.Photo or ChecklistItemKind.Verified)))
            {
                var answer = item.Kind switch
                {
                    ChecklistItemKind.PassFail => new AnswerInput(PassFail: PassFailResult.Pass),
                    ChecklistItemKind.Reading => new AnswerInput(Reading: item.Min ?? item.Max ?? 1),
                    _ => new AnswerInput(Text: "OK"),
                };
                await checklists.AnswerAsync(inspector, executionId, item.Id, answer);
            }

            await checklists.CompleteAsync(inspector, executionId);
            return 0;
        });
        var reportId = await InScopeAsync(async sp => (await sp.GetRequiredService<ReportService>().SubmitAsync(inspector, planId)).Id);
        await InScopeAsync(sp => sp.GetRequiredService<ReviewService>().ApproveAsync(supervisor, reportId, "Ruang bersih."));
        return await InScopeAsync(sp => sp.GetRequiredService<ArchiveService>().ArchiveAsync(manager, reportId));
    }
}
