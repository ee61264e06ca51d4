using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Workflow;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace DataCenterOps.Web.Features.Steps.Components.Review;

/// <summary>
/// Step 5 for the Pengawas: the queue oldest first with each report's SLA clock; the selected Laporan beside the recent
/// history of the same equipment; approve, or return with Catatan (required on return).
/// </summary>
public sealed partial class ReviewQueue
{
    public const int HistoryPerEquipment = 5;

    private List<ReviewQueueEntry> _queue = [];
    private Guid? _selectedId;
    private MaintenanceReport? _selected;
    private ReportContent? _content;
    private List<EquipmentHistoryEntry> _history = [];
    private Dictionary<string, string> _names = [];
    private string? _previousReturn;
    private string _notes = "";
    private bool _notesMissing;
    private bool _busy;
    private string? _error;

    [Inject]
    private IOptions<SopOptions> Sop { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>The report to open first; the oldest when not given or no longer waiting.</summary>
    [Parameter]
    public Guid? InitialReportId { get; set; }

    protected override async Task LoadAsync()
    {
        _names = await NamesAsync();
        await using var scope = ScopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        var reports = await scope.ServiceProvider.GetRequiredService<ReviewService>().QueueAsync(await Actors.LoadAsync(db, UserId));
        var review = Sop.Value.StandardTimes.Review;
        _queue = reports.Select(r => new ReviewQueueEntry(r, r.WorkPlan!.StateSinceUtc, r.WorkPlan.StateSinceUtc + review)).ToList();
        var next = _queue.FirstOrDefault(e => e.Report.Id == (_selectedId ?? InitialReportId)) ?? _queue.FirstOrDefault();
        await ShowAsync(next?.Report);
    }

    /// <summary>What the Pemeriksa flagged (failed or out of range): the first thing a reviewer looks at.</summary>
    private List<string> Flags => _content?.Items
        .SelectMany(i => i.Answers.Where(a => a.IsFlagged).Select(a => a.Reading is { } r
            ? string.Create(System.Globalization.CultureInfo.CurrentCulture, $"{i.Equipment}: {a.Prompt} {r:0.##} {a.Unit}")
            : $"{i.Equipment}: {a.Prompt}"))
        .ToList() ?? [];

    private bool IsOverdue(ReviewQueueEntry entry) => entry.DueAtUtc < Time.GetUtcNow().UtcDateTime;

    private async Task SelectAsync(Guid reportId)
    {
        if (reportId == _selectedId)
        {
            return;
        }

        _notes = "";
        _notesMissing = false;
        _error = null;
        await ShowAsync(_queue.First(e => e.Report.Id == reportId).Report);
    }

    private async Task ShowAsync(MaintenanceReport? report)
    {
        _selected = report;
        _selectedId = report?.Id;
        _content = null;
        _history = [];
        _previousReturn = null;
        if (report is null)
        {
            return;
        }

        var planId = report.WorkPlanId;
        var (snapshot, previousReturn) = await QueryAsync(async db =>
        {
            var json = await db.ReportSubmissions.AsNoTracking().Where(s => s.ReportId == report.Id)
                .OrderByDescending(s => s.Revision).Select(s => s.SnapshotJson).FirstOrDefaultAsync();
            var returned = await db.ReportReviews.AsNoTracking().Where(r => r.ReportId == report.Id && r.Decision == ReviewDecision.Returned)
                .OrderByDescending(r => r.Revision).Select(r => r.Notes).FirstOrDefaultAsync();
            return (json, returned);
        });
        _content = snapshot is null ? null : ReportContentBuilder.Deserialize(snapshot);
        _previousReturn = previousReturn;
        _history = await QueryAsync(db => HistoryAsync(db, planId));
    }

    /// <summary>The last few completed checklists on each piece of equipment in the plan, from other plans.</summary>
    private static async Task<List<EquipmentHistoryEntry>> HistoryAsync(DataCenterOpsDbContext db, Guid planId)
    {
        var equipmentIds = await db.WorkPlanItems.Where(i => i.PlanId == planId).Select(i => i.EquipmentId).Distinct().ToListAsync();
        var entries = new List<EquipmentHistoryEntry>();
        foreach (var equipmentId in equipmentIds)
        {
            var executions = await db.ChecklistExecutions.AsNoTracking()
                .Include(e => e.Answers).ThenInclude(a => a.TemplateItem)
                .Include(e => e.WorkPlanItem).ThenInclude(i => i!.Template)
                .Include(e => e.WorkPlanItem).ThenInclude(i => i!.Equipment)
                .Where(e => e.WorkPlanItem!.EquipmentId == equipmentId && e.WorkPlanItem.PlanId != planId && e.Status == ExecutionStatus.Completed)
                .OrderByDescending(e => e.FinishedAtUtc)
                .Take(HistoryPerEquipment)
                .AsSplitQuery()
                .ToListAsync();
            var planIds = executions.Select(e => e.WorkPlanItem!.PlanId).Distinct().ToList();
            var states = await db.WorkPlans.Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.State);
            entries.AddRange(executions.Select(e => new EquipmentHistoryEntry(
                e.Id, e.WorkPlanItem!.PlanId, e.WorkPlanItem.Equipment!.Name, e.WorkPlanItem.Template!.Name, e.InspectorId, e.WorkPlanItem.PlannedDate,
                e.FinishedAtUtc, states.GetValueOrDefault(e.WorkPlanItem.PlanId), e.Answers.Count(a => a.HasValue),
                e.Answers.Where(a => a.IsFlagged).OrderBy(a => a.TemplateItem!.Order).Select(a => Flag(a)).ToList())));
        }

        return entries;
    }

    private static string Flag(ChecklistAnswer a) =>
        a.Reading is { } r
            ? string.Create(System.Globalization.CultureInfo.CurrentCulture, $"{a.TemplateItem!.Prompt} {r:0.##} {a.TemplateItem.Unit}")
            : a.TemplateItem!.Prompt;

    private Task ApproveAsync() => DecideAsync(ReviewDecision.Approved);

    private Task ReturnAsync() => DecideAsync(ReviewDecision.Returned);

    private async Task DecideAsync(ReviewDecision decision)
    {
        if (_selected is not { } report)
        {
            return;
        }

        _error = null;
        // The Catatan say what to fix: a return without them helps nobody (the domain refuses it too).
        _notesMissing = decision == ReviewDecision.Returned && string.IsNullOrWhiteSpace(_notes);
        if (_notesMissing)
        {
            return;
        }

        _busy = true;
        _error = await AttemptAsync<ReviewService>((s, a) => decision == ReviewDecision.Approved
            ? s.ApproveAsync(a, report.Id, _notes)
            : s.ReturnAsync(a, report.Id, _notes));
        _busy = false;
        if (_error is null)
        {
            Snackbar.Add(L[decision == ReviewDecision.Approved ? "Approved" : "Returned"], Severity.Success);
            _notes = "";
            _selectedId = null;
            await LoadAsync();
        }
    }
}
