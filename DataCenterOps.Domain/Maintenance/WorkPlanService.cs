using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Maintenance;

/// <summary>Step 2: the Pengelola named on the Surat Tugas makes and publishes the Rencana Kerja.</summary>
public sealed class WorkPlanService(DataCenterOpsDbContext db, TimeProvider time, IOptions<SopOptions> options, AuditLog audit)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<WorkPlan> CreateAsync(Actor actor, Guid letterId, string title, CancellationToken cancellationToken = default)
    {
        var letter = SopGuard.Found(
            await db.AssignmentLetters.FirstOrDefaultAsync(l => l.Id == letterId, cancellationToken), "The Surat Tugas");
        RefuseRevoked(letter);
        if (await db.WorkPlans.AnyAsync(p => p.LetterId == letterId, cancellationToken))
        {
            throw new SopRuleViolationException(SopError.IllegalTransition, "This Surat Tugas already has a Rencana Kerja.", "PlanExists");
        }

        SopGuard.Site(actor, letter.SiteId);

        var transition = SopTransitions.Authorize(letter.State, SopAction.CreatePlan, actor);
        SopGuard.Person(letter.ManagerId == actor.UserId, SopError.NotNamedOnLetter, "OnlyNamedManagerPlans", "Only the Pengelola named on the Surat Tugas may make its Rencana Kerja.");
        var plan = new WorkPlan
        {
            LetterId = letter.Id,
            Title = SopGuard.Text(title, 200, "Title"),
            ManagerId = actor.UserId,
            CreatedAtUtc = Now,
        };
        plan.MoveTo(transition.To, Now);
        db.WorkPlans.Add(plan);
        audit.Write(actor, "PlanCreated", nameof(WorkPlan), plan.Id.ToString(), null, Snapshot(plan));
        await SopGuard.SaveAsync(db, cancellationToken);
        return plan;
    }

    public async Task<WorkPlanItem> AddItemAsync(
        Actor actor, Guid planId, Guid equipmentId, Guid templateId, DateOnly plannedDate, string inspectorId,
        CancellationToken cancellationToken = default)
    {
        var plan = await LoadForEditAsync(actor, planId, cancellationToken);
        var letter = plan.Letter!;
        SopGuard.Person(letter.NamesInspector(inspectorId), SopError.NotNamedOnLetter, "InspectorNotOnLetter", "The Pemeriksa must be named on the Surat Tugas.");
        var equipment = SopGuard.Found(await db.Equipment.FindAsync([equipmentId], cancellationToken), "The equipment");
        if (!letter.Covers(equipment))
        {
            throw new SopRuleViolationException(SopError.OutOfScope, $"{equipment.Name} is outside the scope of the Surat Tugas.", "OutOfScope", equipment.Name);
        }

        if (equipment.SiteId != letter.SiteId)
        {
            throw new SopRuleViolationException(SopError.OutOfScope, $"{equipment.Name} stands at another site than the Surat Tugas is for.", "EquipmentAtOtherSite", equipment.Name);
        }

        if (!letter.IsValidOn(plannedDate, options.Value.Zone))
        {
            throw new SopRuleViolationException(SopError.OutsideValidity, "The planned date is outside the validity of the Surat Tugas.", "PlannedDateOutsideValidity");
        }

        var template = SopGuard.Found(await db.ChecklistTemplates.FindAsync([templateId], cancellationToken), "The checklist");
        if (template.EquipmentKind is { } kind && kind != equipment.Kind)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, $"The checklist '{template.Name}' is not for {equipment.Kind} equipment.", "ChecklistWrongKind", template.Name, equipment.Kind);
        }

        var item = new WorkPlanItem
        {
            PlanId = plan.Id,
            EquipmentId = equipment.Id,
            TemplateId = template.Id,
            PlannedDate = plannedDate,
            InspectorId = inspectorId,
        };
        db.WorkPlanItems.Add(item);
        audit.Write(actor, "PlanItemAdded", nameof(WorkPlan), plan.Id.ToString(), null,
            new { item.Id, item.EquipmentId, item.TemplateId, item.PlannedDate, item.InspectorId });
        await SopGuard.SaveAsync(db, cancellationToken);
        return item;
    }

    public async Task RemoveItemAsync(Actor actor, Guid planId, Guid itemId, CancellationToken cancellationToken = default)
    {
        var plan = await LoadForEditAsync(actor, planId, cancellationToken);
        var item = SopGuard.Found(plan.Items.FirstOrDefault(i => i.Id == itemId), "The plan item");
        db.WorkPlanItems.Remove(item);
        audit.Write(actor, "PlanItemRemoved", nameof(WorkPlan), plan.Id.ToString(),
            new { item.Id, item.EquipmentId, item.TemplateId, item.PlannedDate, item.InspectorId }, null);
        await SopGuard.SaveAsync(db, cancellationToken);
    }

    public async Task<WorkPlan> PublishAsync(Actor actor, Guid planId, CancellationToken cancellationToken = default)
    {
        var plan = await LoadAsync(planId, cancellationToken);
        var before = Snapshot(plan);
        var transition = Authorize(plan, SopAction.PublishPlan, actor);
        if (plan.Items.Count == 0)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "A Rencana Kerja needs at least one scheduled item.", "PlanNeedsItem");
        }

        foreach (var item in plan.Items)
        {
            db.ChecklistExecutions.Add(new ChecklistExecution { WorkPlanItemId = item.Id, InspectorId = item.InspectorId });
        }

        plan.MoveTo(transition.To, Now);
        plan.PublishedAtUtc = Now;
        audit.Write(actor, "PlanPublished", nameof(WorkPlan), plan.Id.ToString(), before, Snapshot(plan));
        await SopGuard.SaveAsync(db, cancellationToken);
        return plan;
    }

    public async Task<WorkPlan?> FindAsync(Guid planId, CancellationToken cancellationToken = default) =>
        await db.WorkPlans
            .Include(p => p.Letter).ThenInclude(l => l!.Inspectors)
            .Include(p => p.Letter).ThenInclude(l => l!.Scope)
            .Include(p => p.Items).ThenInclude(i => i.Execution)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);

    private async Task<WorkPlan> LoadAsync(Guid planId, CancellationToken cancellationToken) =>
        SopGuard.Found(await FindAsync(planId, cancellationToken), "The Rencana Kerja");

    private async Task<WorkPlan> LoadForEditAsync(Actor actor, Guid planId, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(planId, cancellationToken);
        Authorize(plan, SopAction.EditPlan, actor);
        return plan;
    }

    private static SopTransition Authorize(WorkPlan plan, SopAction action, Actor actor)
    {
        RefuseRevoked(plan.Letter!);
        SopGuard.Site(actor, plan.Letter!.SiteId);
        var transition = SopTransitions.Authorize(plan.State, action, actor);
        SopGuard.Person(plan.ManagerId == actor.UserId, SopError.NotNamedOnLetter, "OnlyNamedManagerChangesPlan", "Only the Pengelola named on the Surat Tugas may change its Rencana Kerja.");
        return transition;
    }

    internal static void RefuseRevoked(AssignmentLetter letter)
    {
        if (letter.State == SopState.Revoked)
        {
            throw new SopRuleViolationException(SopError.LetterRevoked, "The Surat Tugas has been revoked.", "LetterRevoked");
        }
    }

    internal static object Snapshot(WorkPlan p) => new { p.Title, State = p.State.ToString(), p.StateSinceUtc, Items = p.Items.Count };
}
