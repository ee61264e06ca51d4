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
    private bool _commentMissing;
    private string? _error;
    private bool _saving;

    [Inject]
    private AlarmService Alarms { get; set; } = null!;

    [Inject]
    private RoomNames Names { get; set; } = null!;

    [Inject]
    private IAlarmActorNames ActorNames { get; set; } = null!;

    [Inject]
    private LiveRoomViewFactory Views { get; set; } = null!;

    [Inject]
    private DataCenterOps.Web.Shared.Sites.SiteContext Sites { get; set; } = null!;

    [Inject]
    private DataCenterOps.Monitoring.LiveState.LiveStateStore LiveState { get; set; } = null!;

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

    /// <summary>Most severe first; within a severity the newest first (what just happened is what to look at).</summary>
    public static List<Alarm> Ordered(IEnumerable<Alarm> alarms) =>
        [.. alarms.OrderByDescending(a => a.Severity).ThenByDescending(a => a.RaisedAt).ThenBy(a => a.DeviceId, StringComparer.Ordinal)];

    public void Dispose()
    {
        _view?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        Func<Task> render = () => InvokeAsync(StateHasChanged);
        _view = DeviceId is null ? Views.Create(render) : Views.CreateFor(DeviceId, render);
        await Names.EnsureLoadedAsync(_cts.Token);
    }

    private static string? RowClass(Alarm alarm) => (alarm.IsAcknowledged, alarm.Severity) switch
    {
        (true, _) => "acked",
        (false, AlarmSeverity.Critical) => "room-alarm-unacked room-alarm-flash",
        _ => "room-alarm-unacked room-alarm-cue-warning",
    };

    private void Start(Guid alarmId)
    {
        _acking = alarmId;
        _comment = null;
        _commentMissing = false;
        _error = null;
    }

    private void Cancel()
    {
        _acking = null;
        _comment = null;
        _commentMissing = false;
    }

    private async Task SaveAsync(Guid alarmId)
    {
        if (string.IsNullOrWhiteSpace(_comment))
        {
            _commentMissing = true;
            return;
        }

        _saving = true;
        try
        {
            if (await ActorNames.SignedInAsync(AuthenticationState, _cts.Token) is not { } actor)
            {
                _error = L["Room.Alarms.NotSignedIn"];
                return;
            }

            await Alarms.AcknowledgeAsync(alarmId, actor.Account, actor.Name, _comment, _cts.Token);
            _acking = null;
            _comment = null;
            _commentMissing = false;
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
