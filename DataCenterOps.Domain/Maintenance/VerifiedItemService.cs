using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Maintenance;

/// <summary>
/// Verified checklist items: the Pemeriksa sees what monitoring history shows for the item's window (<see cref="WindowOf"/>)
/// and confirms it; the confirmation evaluates again on the server and stores that evidence with the answer.
/// </summary>
public sealed class VerifiedItemService(ChecklistService checklists, IHistoryVerifier verifier, IOptions<SopOptions> options, TimeProvider time)
{
    /// <summary>The evidence as it stands now, for the Pemeriksa to see; nothing is saved.</summary>
    public async Task<HistoryEvidence> PreviewAsync(Actor actor, Guid executionId, Guid templateItemId, CancellationToken cancellationToken = default)
    {
        var (execution, item) = await LoadAsync(actor, executionId, templateItemId, cancellationToken);
        return await verifier.VerifyAsync(CheckOf(execution, item), cancellationToken);
    }

    /// <summary>The Pemeriksa confirms: the evidence is evaluated again and stored as the answer.</summary>
    public async Task<ChecklistAnswer> ConfirmAsync(Actor actor, Guid executionId, Guid templateItemId, CancellationToken cancellationToken = default)
    {
        var (execution, item) = await LoadAsync(actor, executionId, templateItemId, cancellationToken);
        var evidence = await verifier.VerifyAsync(CheckOf(execution, item), cancellationToken);
        return await checklists.AnswerVerifiedAsync(actor, execution, item, evidence, cancellationToken);
    }

    /// <summary>
    /// The item's planned window (its planned day, local midnight to midnight in Sop:TimeZone) joined with the checklist's
    /// open period (from its start until now): from the earlier start to the later end, never beyond now.
    /// </summary>
    public (DateTime FromUtc, DateTime ToUtc) WindowOf(ChecklistExecution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var zone = options.Value.Zone;
        var day = execution.WorkPlanItem!.PlannedDate;
        var dayStart = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
        var dayEnd = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
        var now = time.GetUtcNow().UtcDateTime;
        var from = execution.StartedAtUtc is { } started && started < dayStart ? started : dayStart;
        var to = execution.Status == ExecutionStatus.InProgress || now < dayEnd ? now : dayEnd;
        if (execution.FinishedAtUtc is { } finished && finished > to)
        {
            to = finished;
        }

        return (from, to < from ? from : to);
    }

    private HistoryCheck CheckOf(ChecklistExecution execution, ChecklistTemplateItem item)
    {
        var device = execution.WorkPlanItem!.Equipment?.MonitoringDeviceId;
        if (string.IsNullOrWhiteSpace(device))
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "The equipment is not monitored: nothing to verify from.", "EquipmentNotMonitored");
        }

        var (from, to) = WindowOf(execution);
        return new HistoryCheck(item.HistoryRule!, device, from, to, item.Min, item.Max);
    }

    private async Task<(ChecklistExecution Execution, ChecklistTemplateItem Item)> LoadAsync(
        Actor actor, Guid executionId, Guid templateItemId, CancellationToken cancellationToken)
    {
        var (execution, _) = await checklists.LoadForWorkAsync(actor, executionId, cancellationToken);
        var item = SopGuard.Found(
            execution.WorkPlanItem!.Template!.Items.FirstOrDefault(i => i.Id == templateItemId && i.Kind == ChecklistItemKind.Verified && i.HistoryRule is not null),
            "The verified checklist item");
        return (execution, item);
    }
}
