using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Workflow;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using DataCenterOps.Web.Shared.Components;
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

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    /// <summary>The report to open first; the oldest when not given or no longer waiting.</summary>
    [Parameter]
    public Guid? InitialReportId { get; set; }

    protected override async Task LoadAsync()
    {
        _names = await NamesAsync();
        await using var scope = ScopeFactory.CreateAsyncScope();
        var actor = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>().ActorAsync(UserId);
        var reports = await scope.ServiceProvider.GetRequiredService<ReviewService>().QueueAsync(actor);
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
        var (snapshot, previousReturn) = await QueryAsync<ReportQueries, (string?, string?)>(q => q.LatestSubmissionAsync(report.Id));
        _content = snapshot is null ? null : ReportContentBuilder.Deserialize(snapshot);
        _previousReturn = previousReturn;
        var history = await QueryAsync<ReportQueries, List<(ChecklistExecution Execution, SopState PlanState)>>(
            q => q.EquipmentHistoryAsync(planId, HistoryPerEquipment));
        _history = [.. history.Select(h => ToHistoryEntry(h.Execution, h.PlanState))];
    }

    private static EquipmentHistoryEntry ToHistoryEntry(ChecklistExecution e, SopState planState) => new(
        e.Id, e.WorkPlanItem!.PlanId, e.WorkPlanItem.Equipment!.Name, e.WorkPlanItem.Template!.Name, e.InspectorId, e.WorkPlanItem.PlannedDate,
        e.FinishedAtUtc, planState, e.Answers.Count(a => a.HasValue),
        e.Answers.Where(a => a.IsFlagged).OrderBy(a => a.TemplateItem!.Order).Select(a => Flag(a)).ToList());

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

        if (decision == ReviewDecision.Approved
            && await Dialogs.ConfirmAsync(L["Confirm.Approve.Title"], [L["Confirm.Approve.What"], L["Confirm.Approve.Final"]], L["Approve"], Color.Success) is null)
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
