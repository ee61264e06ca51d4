using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>People, equipment and SOP work set up through the Domain's own services, as the pages would.</summary>
public sealed class RoutineScenario(RoutineHost host)
{
    public string Supervisor { get; private set; } = "";
    public string Manager { get; private set; } = "";
    public string Inspector1 { get; private set; } = "";
    public string Inspector2 { get; private set; } = "";

    public static async Task<RoutineScenario> CreateAsync(RoutineHost host)
    {
        var scenario = new RoutineScenario(host);
        scenario.Supervisor = await scenario.UserAsync("pengawas", Roles.Supervisor);
        scenario.Manager = await scenario.UserAsync("pengelola", Roles.Manager);
        scenario.Inspector1 = await scenario.UserAsync("pemeriksa1", Roles.Inspector);
        scenario.Inspector2 = await scenario.UserAsync("pemeriksa2", Roles.Inspector);
        return scenario;
    }

    public static string EmailOf(string name) => $"{name}@routine.test";

    public Task<string> UserAsync(string name, string role) => host.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = EmailOf(name), Email = EmailOf(name), EmailConfirmed = true, FullName = name };
        Assert.True((await users.CreateAsync(user, "Routine-Pass-1")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    });

    public Task<Guid> EquipmentAsync(EquipmentKind kind, string name) => host.DbAsync(async db =>
    {
        var equipment = new Equipment { Kind = kind, Name = name, Room = "DC room" };
        db.Equipment.Add(equipment);
        await db.SaveChangesAsync();
        return equipment.Id;
    });

    public Task<Actor> ActorAsync(string userId) => host.DbAsync(db => Actors.LoadAsync(db, userId));

    /// <summary>SOP step 1: a Surat Tugas covering <paramref name="kinds"/>, issued, valid from an hour ago for 30 days.</summary>
    public async Task<Guid> IssueLetterAsync(params EquipmentKind[] kinds)
    {
        var supervisor = await ActorAsync(Supervisor);
        var now = host.Time.GetUtcNow().UtcDateTime;
        return await host.InScopeAsync(async sp =>
        {
            var letters = sp.GetRequiredService<AssignmentLetterService>();
            var letter = await letters.CreateDraftAsync(supervisor, new NewAssignmentLetter(
                "Pemeliharaan rutin", Manager, [Inspector1, Inspector2], [], kinds, now.AddHours(-1), now.AddDays(30)));
            await letters.IssueAsync(supervisor, letter.Id);
            return letter.Id;
        });
    }

    /// <summary>SOP step 2: the Pengelola's Rencana Kerja for the letter, still in Planning.</summary>
    public async Task<Guid> CreatePlanAsync(Guid letterId)
    {
        var manager = await ActorAsync(Manager);
        return await host.InScopeAsync(async sp =>
            (await sp.GetRequiredService<WorkPlanService>().CreateAsync(manager, letterId, "Rencana Kerja rutin")).Id);
    }

    public async Task PublishAsync(Guid planId)
    {
        var manager = await ActorAsync(Manager);
        await host.InScopeAsync(sp => sp.GetRequiredService<WorkPlanService>().PublishAsync(manager, planId));
    }

    /// <summary>SOP step 3: every open checklist of the plan answered in range and completed by its assigned Pemeriksa.</summary>
    public async Task CompleteChecklistsAsync(Guid planId)
    {
        var executions = await host.DbAsync(db => db.ChecklistExecutions
            .Where(e => e.WorkPlanItem!.PlanId == planId && e.Status != ExecutionStatus.Completed)
            .Select(e => new { e.Id, e.InspectorId }).ToListAsync());
        foreach (var execution in executions)
        {
            var inspector = await ActorAsync(execution.InspectorId);
            await host.InScopeAsync(async sp =>
            {
                var checklists = sp.GetRequiredService<ChecklistService>();
                var loaded = (await checklists.FindAsync(execution.Id))!;
                foreach (var item in loaded.WorkPlanItem!.Template!.Items.Where(i => i.Kind is not (ChecklistItemKind.Photo or ChecklistItemKind.Verified)))
                {
                    var answer = item.Kind switch
                    {
                        ChecklistItemKind.PassFail => new AnswerInput(PassFail: PassFailResult.Pass),
                        ChecklistItemKind.Reading => new AnswerInput(Reading: item.Min ?? item.Max ?? 1),
                        _ => new AnswerInput(Text: "OK"),
                    };
                    await checklists.AnswerAsync(inspector, execution.Id, item.Id, answer);
                }

                await checklists.CompleteAsync(inspector, execution.Id);
            });
        }
    }

    /// <summary>Steps 4 to 6: submit, approve, archive. Returns the archived record.</summary>
    public async Task<ArchivedReport> SubmitApproveArchiveAsync(Guid planId)
    {
        var submitter = await host.DbAsync(db => db.WorkPlanItems.Where(i => i.PlanId == planId).Select(i => i.InspectorId).FirstAsync());
        var inspector = await ActorAsync(submitter);
        var supervisor = await ActorAsync(Supervisor);
        var manager = await ActorAsync(Manager);
        var reportId = await host.InScopeAsync(async sp => (await sp.GetRequiredService<ReportService>().SubmitAsync(inspector, planId)).Id);
        await host.InScopeAsync(sp => sp.GetRequiredService<ReviewService>().ApproveAsync(supervisor, reportId, "Baik"));
        return await host.InScopeAsync(sp => sp.GetRequiredService<ArchiveService>().ArchiveAsync(manager, reportId));
    }
}
