using System.Globalization;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Photos;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Shared.Components;
using DataCenterOps.Web.Shared.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace DataCenterOps.Web.Features.Steps.Components.Checklist;

/// <summary>
/// Step 3 on a tablet: every answer is saved the moment it is given (one at a time, in order), a progress bar and a
/// "saved" indicator say how far it is, out-of-range answers stand out, and a Reading on monitored equipment offers
/// the live value of its point to record with one tap. Readings are read in the reader's culture (<see cref="LocalNumber"/>);
/// a doubtful one (ambiguous separator, out of range, physically implausible) is saved only once confirmed. A GAGAL needs a
/// finding; "Selesaikan" ends the checklist (read-only) until its Pemeriksa reopens it with a reason.
/// </summary>
public sealed partial class ChecklistForm
{
    private readonly SemaphoreSlim _saveGate = new(1, 1);
    private readonly Dictionary<Guid, string?> _drafts = [];
    private readonly Dictionary<Guid, HistoryEvidence> _previews = [];
    private string? _savedFindings;
    private string? _savedActions;
    private ChecklistExecution? _execution;
    private SopState _planState;
    private Guid _planId;
    private bool _planReady;
    private string? _returnNotes;
    private string? _findings;
    private string? _actions;
    private string? _deviceId;
    private bool _showMissing;
    private string? _error;
    private SaveState _save;
    private string _savedAt = "";
    private LiveStateStore? _live;
    private IDisposable? _liveSubscription;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid ExecutionId { get; set; }

    private bool MayWork => _execution is not null && _execution.InspectorId == UserId
        && _planState is SopState.InExecution or SopState.Returned;

    private bool CanWork => MayWork && _execution!.Status != ExecutionStatus.Completed;

    private bool CanReopen => MayWork && _execution!.Status == ExecutionStatus.Completed;

    /// <summary>A GAGAL is answered and the findings say nothing yet.</summary>
    private bool FindingMissing => CanWork && string.IsNullOrWhiteSpace(_findings)
        && _execution!.Answers.Any(a => a.PassFail == PassFailResult.Fail);

    private List<ChecklistTemplateItem> Required =>
        _execution?.WorkPlanItem?.Template?.Items.Where(IsRequired).ToList() ?? [];

    private int Answered
    {
        get
        {
            var answered = _execution?.Answers.Where(a => a.HasValue).Select(a => a.TemplateItemId).ToHashSet() ?? [];
            return Required.Count(q => answered.Contains(q.Id));
        }
    }

    private int Flagged => _execution?.Answers.Count(a => a.IsFlagged) ?? 0;

    private double Percent => Required.Count == 0 ? 100 : 100.0 * Answered / Required.Count;

    private static bool IsRequired(ChecklistTemplateItem q) => q.Required && q.Kind != ChecklistItemKind.Photo;

    protected override async Task LoadAsync()
    {
        _execution = await QueryAsync<WorkQueries, ChecklistExecution?>(q => q.ExecutionAsync(ExecutionId));
        if (_execution is null)
        {
            return;
        }

        _planId = _execution.WorkPlanItem!.PlanId;
        var plan = await QueryAsync<WorkQueries, WorkPlan>(q => q.PlanWithExecutionsAsync(_planId));
        _planState = plan.State;
        _planReady = plan.State is SopState.InExecution or SopState.Returned
            && plan.Items.All(i => i.Execution?.Status == ExecutionStatus.Completed);
        _returnNotes = await QueryAsync<ReportQueries, string?>(q => q.LatestReturnNotesOfPlanAsync(_planId));
        _findings = _savedFindings = _execution.Findings;
        _actions = _savedActions = _execution.ActionsTaken;
        _deviceId = _execution.WorkPlanItem.Equipment?.MonitoringDeviceId;
        SubscribeToLiveValues();
    }

    private void SubscribeToLiveValues()
    {
        if (_liveSubscription is not null || _deviceId is null || !RendererInfo.IsInteractive)
        {
            return;
        }

        _live = Services.GetService<LiveStateStore>();
        // The offered live value follows the device as it is polled. The poller's thread carries no culture of its own
        // that matches this circuit, so the render is done in the culture the page was opened with.
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        _liveSubscription = _live?.Subscribe(change =>
        {
            if (change.Device.DeviceId == _deviceId)
            {
                _ = InvokeAsync(() =>
                {
                    CultureInfo.CurrentCulture = culture;
                    CultureInfo.CurrentUICulture = uiCulture;
                    StateHasChanged();
                });
            }
        });
    }

    /// <summary>The point's live value, rounded for recording; null when not monitored, not mapped or not live.</summary>
    private double? LiveValue(ChecklistTemplateItem q) =>
        q.Kind == ChecklistItemKind.Reading && q.MonitoringPoint is { } point && _deviceId is { } device
        && (_live ?? Services.GetService<LiveStateStore>())?.GetDevice(device)?.LiveValue(point) is { } value
            ? Math.Round(value, 2)
            : null;

    private static string RangeText(ChecklistTemplateItem q) => (q.Min, q.Max) switch
    {
        (null, null) => "",
        ({ } min, null) => string.Create(CultureInfo.CurrentCulture, $", ≥ {min}"),
        (null, { } max) => string.Create(CultureInfo.CurrentCulture, $", ≤ {max}"),
        ({ } min, { } max) => string.Create(CultureInfo.CurrentCulture, $", {min}–{max}"),
    };

    // Saved the moment it is given, one save at a time: a dropped connection loses nothing already answered.
    private Task AnswerAsync(ChecklistTemplateItem q, AnswerInput input) =>
        SaveAsync(() => AttemptAsync<ChecklistService>((s, a) => s.AnswerAsync(a, ExecutionId, q.Id, input)));

    /// <summary>A photo from the tablet's camera or files: checked by its bytes, cleaned of location metadata, stored by hash, then answered.</summary>
    private async Task PhotoAsync(ChecklistTemplateItem q, InputFileChangeEventArgs e)
    {
        var store = Services.GetRequiredService<PhotoStore>();
        string reference;
        try
        {
            await using var upload = e.File.OpenReadStream(store.MaxBytes);
            reference = await store.SaveAsync(upload);
        }
        catch (PhotoRejectedException ex)
        {
            _error = L[$"Photo.Rejected.{ex.Reason}", store.MaxBytes / (1024 * 1024)];
            return;
        }
        catch (IOException)
        {
            // The browser's file is larger than the limit (InputFile refuses before reading).
            _error = L[$"Photo.Rejected.{PhotoRejection.TooLarge}", store.MaxBytes / (1024 * 1024)];
            return;
        }

        await AnswerAsync(q, new AnswerInput(PhotoReference: reference));
    }

    private Task PassFailAsync(ChecklistTemplateItem q, PassFailResult option) => AnswerAsync(q, new AnswerInput(PassFail: option));

    /// <summary>A typed (or live) number: saved at once when beyond doubt, else only after the Pemeriksa confirms what was read.</summary>
    private async Task ReadingAsync(ChecklistTemplateItem q, NumberParse parse)
    {
        if (!parse.HasValue)
        {
            await AnswerAsync(q, new AnswerInput(Reading: null));
            return;
        }

        var value = parse.Value;
        var culture = CultureInfo.CurrentCulture;
        var reasons = new List<string>();
        if (parse.Outcome == NumberParseOutcome.Ambiguous)
        {
            reasons.Add(string.Format(culture, L["Reading.Ambiguous"], LocalNumber.Format(value, culture)));
        }

        if (q.IsImplausible(value) && ReadingLimits.Physical(q.Unit) is { } limits)
        {
            reasons.Add(string.Format(culture, L["Reading.Implausible"], q.Unit, LocalNumber.Format(limits.Min, culture), LocalNumber.Format(limits.Max, culture)));
        }
        else if (q.IsOutOfRange(value))
        {
            reasons.Add(string.Format(culture, L["Reading.OutOfRange"], RangeText(q).TrimStart(',', ' ')));
        }

        if (reasons.Count > 0)
        {
            var lines = new List<string> { string.Format(culture, L["Reading.ReadAs"], q.Prompt, LocalNumber.Format(value, culture), q.Unit) };
            lines.AddRange(reasons);
            if (await Dialogs.ConfirmAsync(L["Reading.ConfirmTitle"], lines, L["Reading.ConfirmSave"], Color.Warning) is null)
            {
                return;
            }
        }

        await AnswerAsync(q, new AnswerInput(Reading: value, Confirmed: reasons.Count > 0));
    }

    /// <summary>What monitoring history shows for a verified item now; shown for the Pemeriksa to confirm, nothing saved.</summary>
    private async Task PreviewAsync(ChecklistTemplateItem q)
    {
        HistoryEvidence? evidence = null;
        _error = await AttemptAsync<VerifiedItemService>(async (s, a) => evidence = await s.PreviewAsync(a, ExecutionId, q.Id));
        if (evidence is not null)
        {
            _previews[q.Id] = evidence;
        }
    }

    /// <summary>The Pemeriksa confirms: the server evaluates again and stores that evidence as the answer.</summary>
    private async Task ConfirmVerifiedAsync(ChecklistTemplateItem q)
    {
        await SaveAsync(() => AttemptAsync<VerifiedItemService>((s, a) => s.ConfirmAsync(a, ExecutionId, q.Id)));
        if (_error is null)
        {
            _previews.Remove(q.Id);
        }
    }

    /// <summary>The stored evidence in the reader's language (from its figures), else as stored.</summary>
    private string EvidenceText(ChecklistTemplateItem q, ChecklistAnswer answer) =>
        DataCenterOps.Web.Shared.Localization.VerifiedEvidenceText.Format(L, q.HistoryRule, answer.Verdict?.ToString(), answer.EvidenceFigures)
        ?? answer.Evidence ?? "";

    private string? Draft(ChecklistTemplateItem q, string? saved) => _drafts.TryGetValue(q.Id, out var draft) ? draft : saved;

    /// <summary>A text answer is saved when the field is left; too long, it is refused (the counter already says so), never cut.</summary>
    private async Task SaveDraftAsync(ChecklistTemplateItem q, string? saved, int max, Func<string?, AnswerInput> input)
    {
        if (!_drafts.TryGetValue(q.Id, out var draft) || draft == saved)
        {
            return;
        }

        if (!TextLimits.Fits(draft, max))
        {
            _error = TextLimits.Check(L, max)(draft);
            return;
        }

        await AnswerAsync(q, input(draft));
        if (_error is null)
        {
            _drafts.Remove(q.Id);
        }
    }

    private Task SaveNotesAsync()
    {
        if (_findings == _savedFindings && _actions == _savedActions)
        {
            return Task.CompletedTask;
        }

        if ((TextLimits.Check(L, TextLimits.Long)(_findings) ?? TextLimits.Check(L, TextLimits.Long)(_actions)) is { } tooLong)
        {
            _error = tooLong;
            return Task.CompletedTask;
        }

        var (findings, actions) = (_findings, _actions);
        return SaveAsync(() => AttemptAsync<ChecklistService>((s, a) => s.SaveNotesAsync(a, ExecutionId, findings, actions)));
    }

    private async Task SaveAsync(Func<Task<string?>> save)
    {
        if (!CanWork)
        {
            return;
        }

        await _saveGate.WaitAsync();
        try
        {
            _save = SaveState.Saving;
            StateHasChanged();
            _error = await save();
            _save = _error is null ? SaveState.Saved : SaveState.Failed;
            _savedAt = Clock.Local(Time.GetUtcNow().UtcDateTime).ToString("T", CultureInfo.CurrentCulture);
            await LoadAsync();
        }
        finally
        {
            _saveGate.Release();
        }
    }

    private async Task CompleteAsync()
    {
        _showMissing = true;
        var missing = Required.Count - Answered;
        if (missing > 0)
        {
            _error = string.Format(CultureInfo.CurrentCulture, L["Checklist.MissingCount"], missing);
            return;
        }

        if (FindingMissing)
        {
            _error = L["Checklist.FailNeedsFinding"];
            return;
        }

        if ((TextLimits.Check(L, TextLimits.Long)(_findings) ?? TextLimits.Check(L, TextLimits.Long)(_actions)) is { } tooLong)
        {
            _error = tooLong;
            return;
        }

        if (await Dialogs.ConfirmAsync(L["Confirm.Complete.Title"], [L["Confirm.Complete.What"], L["Confirm.Complete.Reopen"]], L["Complete"]) is null)
        {
            return;
        }

        var (findings, actions) = (_findings, _actions);
        await SaveAsync(() => AttemptAsync<ChecklistService>(async (s, a) =>
        {
            await s.SaveNotesAsync(a, ExecutionId, findings, actions);
            await s.CompleteAsync(a, ExecutionId);
        }));
        if (_error is null)
        {
            Snackbar.Add(L["Completed"], MudBlazor.Severity.Success);
        }
    }

    private async Task ReopenAsync()
    {
        var reason = await Dialogs.ConfirmAsync(L["Confirm.Reopen.Title"], [L["Confirm.Reopen.What"]], L["Checklist.Reopen"], Color.Warning,
            reasonLabel: L["Confirm.Reopen.Reason"]);
        if (reason is null)
        {
            return;
        }

        _error = await AttemptAsync<ChecklistService>((s, a) => s.ReopenAsync(a, ExecutionId, reason));
        await LoadAsync();
    }

    private async Task SubmitAsync()
    {
        var preview = await QueryAsync<ReportQueries, ReportContent>(q => q.PreviewAsync(_planId));
        if (!await ReportSubmitConfirmation.AskAsync(Dialogs, L, preview, await NamesAsync()))
        {
            return;
        }

        _error = await AttemptAsync<ReportService>((s, a) => s.SubmitAsync(a, _planId));
        if (_error is null)
        {
            Snackbar.Add(L["Submitted"], MudBlazor.Severity.Success);
            Navigation.NavigateTo("work");
        }
    }

    public void Dispose()
    {
        _liveSubscription?.Dispose();
        _saveGate.Dispose();
    }
}
