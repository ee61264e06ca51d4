using System.Globalization;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Domain.Sla;
using DataCenterOps.Domain.Workflow;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Sla;

/// <summary>Everything late right now, from the Domain's SOP board (standard times) and the due checks.</summary>
public sealed class OverdueScanner(SopBoardService board, DueCheckService dueChecks, IOptions<SopOptions> sop, IOptions<RoutineOptions> options)
{
    public async Task<IReadOnlyList<OverdueItem>> ScanAsync(CancellationToken cancellationToken)
    {
        var items = new List<OverdueItem>();
        foreach (var step in (await board.OpenStepsAsync(cancellationToken)).Where(s => s.IsOverdue && s.DueAtUtc is not null))
        {
            var key = string.Create(CultureInfo.InvariantCulture,
                $"step:{step.WorkPlanId ?? step.LetterId:N}:{(int)step.Step}:{step.OpenedAtUtc.Ticks}");
            items.Add(new OverdueItem(key, $"SOP step {(int)step.Step} ({step.Step}) overdue: {step.Title}",
                $"Open since {step.OpenedAtUtc:u}, standard time ended {step.DueAtUtc:u}.", step.ResponsibleUserIds, step.DueAtUtc!.Value));
        }

        var zone = sop.Value.Zone;
        foreach (var check in await dueChecks.OverdueAsync(options.Value.OverdueLookBackDays, cancellationToken))
        {
            var dueAt = TimeZoneInfo.ConvertTimeToUtc(check.DeadlineDate.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            IReadOnlyList<string> responsible = check.InspectorId is { } inspector ? [inspector] : [];
            items.Add(new OverdueItem($"duecheck:{check.DueCheckId:N}",
                $"Routine check not done: {check.ScheduleName} - {check.EquipmentName}",
                $"Due {check.DueDate:yyyy-MM-dd}, period ended {check.DeadlineDate:yyyy-MM-dd}; state {check.State}.", responsible, dueAt));
        }

        return items;
    }
}
