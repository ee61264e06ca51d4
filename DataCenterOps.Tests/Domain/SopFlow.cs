using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain;

/// <summary>Drives the SOP through its steps, each in a fresh context as separate requests would.</summary>
internal sealed class SopFlow(TestDatabase database)
{
    public Guid LetterId { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid ReportId { get; private set; }
    public string Supervisor { get; set; } = People.Supervisor;
    public string[] Inspectors { get; set; } = [People.Inspector1, People.Inspector2];
    public string ItemInspector { get; set; } = People.Inspector1;

    /// <summary>The equipment kinds the letter covers.</summary>
    public EquipmentKind[] Kinds { get; set; } = [EquipmentKind.Ups];

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(database.Time.GetUtcNow().UtcDateTime, database.Sop.Zone));

    public async Task<Guid> EquipmentAsync(string deviceId)
    {
        await using var db = database.NewContext();
        return await db.Equipment.Where(e => e.MonitoringDeviceId == deviceId).Select(e => e.Id).SingleAsync();
    }

    public async Task<Guid> TemplateAsync(string code)
    {
        await using var db = database.NewContext();
        return await db.ChecklistTemplates.Where(t => t.Code == code).Select(t => t.Id).SingleAsync();
    }

    public Task DraftAsync() => Letters(async s =>
    {
        var now = database.Time.GetUtcNow().UtcDateTime;
        var letter = await s.CreateDraftAsync(People.Actor(Supervisor), new NewAssignmentLetter(
            "Pemeliharaan bulanan UPS", People.Manager, Inspectors, [], Kinds, now.AddHours(-1), now.AddDays(7)));
        LetterId = letter.Id;
    });

    public Task IssueAsync() => Letters(s => s.IssueAsync(People.Actor(Supervisor), LetterId));

    public Task RevokeAsync() => Letters(s => s.RevokeAsync(People.Actor(Supervisor), LetterId, "Agenda cancelled"));

    public Task CreatePlanAsync() => Plans(async s => PlanId = (await s.CreateAsync(People.Actor(People.Manager), LetterId, "Rencana Kerja UPS")).Id);

    public async Task AddItemAsync(string deviceId = "ups-1", string template = "ups-monthly")
    {
        var equipment = await EquipmentAsync(deviceId);
        var templateId = await TemplateAsync(template);
        await Plans(s => s.AddItemAsync(People.Actor(People.Manager), PlanId, equipment, templateId, Today, ItemInspector));
    }

    public Task PublishAsync() => Plans(s => s.PublishAsync(People.Actor(People.Manager), PlanId));

    /// <summary>Every checklist answered in range and completed by its assigned Pemeriksa (reopened with a reason first when already completed, as after a return).</summary>
    public async Task CompleteChecklistsAsync()
    {
        foreach (var (executionId, inspector) in await ExecutionsAsync())
        {
            await using var db = database.NewContext();
            var service = new ChecklistService(db, database.Time, new AuditLog(db, database.Time));
            var execution = (await service.FindAsync(executionId))!;
            if (execution.Status == ExecutionStatus.Completed)
            {
                await service.ReopenAsync(People.Actor(inspector), executionId, "Catatan Pengawas");
            }

            foreach (var item in execution.WorkPlanItem!.Template!.Items.Where(i => i.Kind is not (ChecklistItemKind.Photo or ChecklistItemKind.Verified)))
            {
                await service.AnswerAsync(People.Actor(inspector), executionId, item.Id, GoodAnswer(item));
            }

            await service.CompleteAsync(People.Actor(inspector), executionId);
        }
    }

    public async Task<IReadOnlyList<(Guid ExecutionId, string InspectorId)>> ExecutionsAsync()
    {
        await using var db = database.NewContext();
        return (await db.ChecklistExecutions.Where(e => e.WorkPlanItem!.PlanId == PlanId)
            .Select(e => new { e.Id, e.InspectorId }).ToListAsync()).Select(e => (e.Id, e.InspectorId)).ToList();
    }

    public Task SubmitAsync(string? by = null) => Run(async db =>
        ReportId = (await new ReportService(db, database.Time, new AuditLog(db, database.Time)).SubmitAsync(People.Actor(by ?? ItemInspector), PlanId)).Id);

    public Task ApproveAsync() => Run(db => new ReviewService(db, database.Time, new AuditLog(db, database.Time)).ApproveAsync(People.Actor(Supervisor), ReportId, "Baik"));

    public Task ReturnAsync() => Run(db => new ReviewService(db, database.Time, new AuditLog(db, database.Time)).ReturnAsync(People.Actor(Supervisor), ReportId, "Lengkapi foto"));

    public Task<ArchivedReport> ArchiveAsync() => Run(db => new ArchiveService(db, database.Time, database.Key, new AuditLog(db, database.Time)).ArchiveAsync(People.Actor(People.Manager), ReportId));

    /// <summary>Brings fresh work to <paramref name="state"/> by the legal path.</summary>
    public async Task ToAsync(SopState state)
    {
        await DraftAsync();
        if (state == SopState.LetterDraft)
        {
            return;
        }

        if (state == SopState.Revoked)
        {
            await RevokeAsync();
            return;
        }

        await IssueAsync();
        if (state == SopState.LetterIssued)
        {
            return;
        }

        await CreatePlanAsync();
        await AddItemAsync();
        if (state == SopState.Planning)
        {
            return;
        }

        await PublishAsync();
        await CompleteChecklistsAsync();
        if (state == SopState.InExecution)
        {
            return;
        }

        await SubmitAsync();
        if (state == SopState.InReview)
        {
            return;
        }

        if (state == SopState.Returned)
        {
            await ReturnAsync();
            return;
        }

        await ApproveAsync();
        if (state == SopState.Approved)
        {
            return;
        }

        await ArchiveAsync();
    }

    public async Task<SopState> PlanStateAsync()
    {
        await using var db = database.NewContext();
        return await db.WorkPlans.Where(p => p.Id == PlanId).Select(p => p.State).SingleAsync();
    }

    public async Task<SopState> LetterStateAsync()
    {
        await using var db = database.NewContext();
        return await db.AssignmentLetters.Where(l => l.Id == LetterId).Select(l => l.State).SingleAsync();
    }

    public static AnswerInput GoodAnswer(ChecklistTemplateItem item) => item.Kind switch
    {
        ChecklistItemKind.PassFail => new AnswerInput(PassFail: PassFailResult.Pass),
        ChecklistItemKind.Reading => new AnswerInput(Reading: item.Min ?? item.Max ?? 1),
        _ => new AnswerInput(Text: "ok"),
    };

    private Task Letters(Func<AssignmentLetterService, Task> action) =>
        Run(db => action(new AssignmentLetterService(db, database.Time, database.Options, new AuditLog(db, database.Time))));

    private Task Plans(Func<WorkPlanService, Task> action) =>
        Run(db => action(new WorkPlanService(db, database.Time, database.Options, new AuditLog(db, database.Time))));

    private async Task Run(Func<DataCenterOps.Domain.Persistence.DataCenterOpsDbContext, Task> action)
    {
        await using var db = database.NewContext();
        await action(db);
    }

    private async Task<T> Run<T>(Func<DataCenterOps.Domain.Persistence.DataCenterOpsDbContext, Task<T>> action)
    {
        await using var db = database.NewContext();
        return await action(db);
    }
}
