using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Features.Room;
using DataCenterOps.Web.Shared.Display;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Room.Components;

public sealed partial class ActiveAlarmList
{
    private readonly CancellationTokenSource _cts = new();
    private LiveRoomView? _view;
    private Guid? _acking;
    private string? _comment;
    private string? _error;
    private bool _saving;
    private long _criticalRaised;

    [Inject]
    private AlarmService Alarms { get; set; } = null!;

    [Inject]
    private LiveStateStore LiveState { get; set; } = null!;

    [Inject]
    private LiveRoomViewFactory Views { get; set; } = null!;

    [Inject]
    private DisplayClock Clock { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    // Optional: hosts without the notification engine show no maintenance/flapping badges.
    [Inject]
    private IServiceProvider Services { get; set; } = null!;


    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>Only this device's alarms; all when null.</summary>
    [Parameter]
    public string? DeviceId { get; set; }

    /// <summary>No acknowledge buttons (the wall screen).</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter]
    public int Max { get; set; } = 200;

    /// <summary>Flash and beep on a new critical alarm (off where the page already has a cue).</summary>
    [Parameter]
    public bool ShowCue { get; set; }

    public void Dispose()
    {
        _view?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override void OnInitialized()
    {
        Func<Task> render = () => InvokeAsync(() =>
        {
            _criticalRaised = _view!.CriticalRaised;
            StateHasChanged();
        });
        _view = DeviceId is null ? Views.Create(render) : Views.CreateFor(DeviceId, render);
    }

    private void Start(Guid alarmId)
    {
        _acking = alarmId;
        _comment = null;
        _error = null;
    }

    private void Cancel()
    {
        _acking = null;
        _comment = null;
    }

    private async Task SaveAsync(Guid alarmId)
    {
        _saving = true;
        try
        {
            var user = AuthenticationState is null ? null : (await AuthenticationState).User.Identity?.Name;
            if (string.IsNullOrWhiteSpace(user))
            {
                _error = L["Room.Alarms.NotSignedIn"];
                return;
            }

            await Alarms.AcknowledgeAsync(alarmId, user, _comment, _cts.Token);
            _acking = null;
            _comment = null;
            _error = null;
        }
        catch (AlarmOperationException ex)
        {
            var text = ex.MessageKey is { } key ? L["Room.AlarmError." + key, [.. ex.Arguments]] : null;
            _error = text is null || text.ResourceNotFound ? ex.Message : text.Value;
            _acking = null;
        }
        finally
        {
            _saving = false;
        }
    }

    private DataCenterOps.Monitoring.Alarms.Incidents.AlarmFlags? Flags(Alarm alarm) =>
        Services.GetService<DataCenterOps.Monitoring.Alarms.Incidents.AlarmNotificationEngine>()?.FlagsOf(alarm);
}
