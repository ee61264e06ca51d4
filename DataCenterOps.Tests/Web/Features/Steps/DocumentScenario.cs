using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Web.Shared.Display;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Steps;

/// <summary>The six SOP steps in the real app through its own Domain services (as the pages call them), with the demo people.</summary>
internal sealed class DocumentScenario(WebAppFactory app)
{
    public const string SupervisorNip = "196406271990031006";
    public const string InspectorNip = "198801012015031002";
    public const string ApprovalNotes = "Baterai UPS diganti; kondisi baik.";

    public string Supervisor { get; private set; } = "";
    public string Manager { get; private set; } = "";
    public string Inspector { get; private set; } = "";
    public string Administrator { get; private set; } = "";

    public static async Task<DocumentScenario> CreateAsync(WebAppFactory app)
    {
        var scenario = new DocumentScenario(app);
        scenario.Supervisor = await scenario.IdOfAsync("supervisor@dcops.local");
        scenario.Manager = await scenario.IdOfAsync("pengelola@dcops.local");
        scenario.Inspector = await scenario.IdOfAsync("pemeriksa1@dcops.local");
        scenario.Administrator = await scenario.IdOfAsync(WebAppFactory.AdminEmail);
        return scenario;
    }

    public Task<Actor> ActorAsync(string userId) => InScopeAsync(sp => Actors.LoadAsync(sp.GetRequiredService<DataCenterOpsDbContext>(), userId));

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Drafts and issues a UPS letter; <paramref name="issuer"/> (a Plh./Plt.) issues it instead of the Pengawas.</summary>
    public async Task<Guid> IssueLetterAsync(Actor? issuer = null)
    {
        var supervisor = await ActorAsync(Supervisor);
        var now = DateTime.UtcNow;
        return await InScopeAsync(async sp =>
        {
            var letters = sp.GetRequiredService<AssignmentLetterService>();
            var letter = await letters.CreateDraftAsync(supervisor, new NewAssignmentLetter(
                "Pemeliharaan bulanan UPS", Manager, [Inspector], [], [EquipmentKind.Ups], now.AddHours(-1), now.AddDays(7)));
            await letters.IssueAsync(issuer ?? supervisor, letter.Id);
            return letter.Id;
        });
    }

    public async Task RevokeAsync(Guid letterId)
    {
        var supervisor = await ActorAsync(Supervisor);
        await InScopeAsync(sp => sp.GetRequiredService<AssignmentLetterService>().RevokeAsync(supervisor, letterId, "Agenda dibatalkan"));
    }

    /// <summary>Steps 1 to 6 for one UPS checklist; the archived record.</summary>
    public async Task<ArchivedReport> ArchiveReportAsync(Actor? approver = null)
    {
        var letterId = await IssueLetterAsync();
        var manager = await ActorAsync(Manager);
        var inspector = await ActorAsync(Inspector);
        var supervisor = await ActorAsync(Supervisor);
        var planId = await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DataCenterOpsDbContext>();
            var plans = sp.GetRequiredService<WorkPlanService>();
            var plan = await plans.CreateAsync(manager, letterId, "Rencana Kerja UPS");
            var equipment = await db.Equipment.Where(e => e.MonitoringDeviceId == "ups-1").Select(e => e.Id).SingleAsync();
            var template = await db.ChecklistTemplates.Where(t => t.Code == "ups-monthly").Select(t => t.Id).SingleAsync();
            await plans.AddItemAsync(manager, plan.Id, equipment, template, sp.GetRequiredService<DisplayClock>().Today, Inspector);
            await plans.PublishAsync(manager, plan.Id);
            return plan.Id;
        });
        var executions = await InScopeAsync(sp => sp.GetRequiredService<DataCenterOpsDbContext>().ChecklistExecutions
            .Where(e => e.WorkPlanItem!.PlanId == planId).Select(e => e.Id).ToListAsync());
        foreach (var executionId in executions)
        {
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
        }

        var reportId = await InScopeAsync(async sp => (await sp.GetRequiredService<ReportService>().SubmitAsync(inspector, planId)).Id);
        await InScopeAsync(sp => sp.GetRequiredService<ReviewService>().ApproveAsync(approver ?? supervisor, reportId, ApprovalNotes));
        return await InScopeAsync(sp => sp.GetRequiredService<ArchiveService>().ArchiveAsync(manager, reportId));
    }

    /// <summary>A visitor's entry written as the register keeps it (the escort rules are tested in the Access feature).</summary>
    public Task<Guid> VisitorEntryAsync(string idNumber) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<DataCenterOpsDbContext>();
        var entry = new DataCenterOps.Domain.Access.AccessEntry
        {
            Kind = DataCenterOps.Domain.Access.AccessPersonKind.Visitor,
            PersonName = "Budi Santoso",
            Organisation = "PT Vendor UPS",
            IdType = "KTP",
            IdNumber = idNumber,
            IdHeldAtDesk = true,
            Visiting = "Pengelola Demo",
            Purpose = "Servis UPS",
            Basis = DataCenterOps.Domain.Access.AccessBasis.Escort,
            EscortName = "Pengelola Demo",
            InAtUtc = DateTime.UtcNow.AddMinutes(-30),
            InRecordedById = Supervisor,
        };
        db.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    });

    private Task<string> IdOfAsync(string email) =>
        InScopeAsync(sp => sp.GetRequiredService<DataCenterOpsDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
