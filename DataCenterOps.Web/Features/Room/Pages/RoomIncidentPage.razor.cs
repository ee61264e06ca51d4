using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Sites;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace DataCenterOps.Web.Features.Room.Pages;

/// <summary>One incident: its timeline, the readings around it, comments, and its PDF for the SOP's report.</summary>
public sealed partial class RoomIncidentPage : IDisposable
{
    /// <summary>How far before its opening and after its closing the charts reach.</summary>
    public static readonly TimeSpan ChartMargin = TimeSpan.FromMinutes(10);

    private readonly CancellationTokenSource _cts = new();
    private IncidentDetail? _incident;
    private bool _loaded;
    private List<IncidentChart> _charts = [];
    private DateTimeOffset _from;
    private DateTimeOffset _to;
    private string? _comment;
    private string? _error;
    private bool _saving;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private IncidentService Incidents { get; set; } = null!;

    [Inject]
    private HistoryQuery History { get; set; } = null!;

    [Inject]
    private LiveStateStore LiveState { get; set; } = null!;

    [Inject]
    private RoomNames Names { get; set; } = null!;

    [Inject]
    private IAlarmActorNames ActorNames { get; set; } = null!;

    [Inject]
    private DisplayClock Clock { get; set; } = null!;

    [Inject]
    private SiteContext Sites { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            await Names.EnsureLoadedAsync(_cts.Token);
            await LoadAsync();
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // Navigated away.
        }
    }

    private async Task LoadAsync()
    {
        // Every screen is for one site: another site's incident is not found here.
        var incident = await Incidents.GetAsync(Id, _cts.Token);
        _incident = incident is not null && Sites.AtCurrentSite(LiveState, incident) ? incident : null;
        _loaded = true;
        if (_incident is null)
        {
            return;
        }

        (_from, _to) = Window(_incident.Summary, Clock.UtcNow);
        var charts = new List<IncidentChart>();
        foreach (var (deviceId, point) in InvolvedPoints(_incident.Alarms, LiveState))
        {
            charts.Add(new IncidentChart(deviceId, point, await History.GetChartSeriesAsync(deviceId, point, _from, _to, _cts.Token)));
        }

        _charts = charts;
    }

    /// <summary>From <see cref="ChartMargin"/> before the incident opened to as long after it closed (or now).</summary>
    internal static (DateTimeOffset From, DateTimeOffset To) Window(IncidentSummary incident, DateTimeOffset now)
    {
        var to = incident.ClosedAt is { } closed ? closed + ChartMargin : now;
        return (incident.OpenedAt - ChartMargin, to > now ? now : to);
    }

    /// <summary>Each involved device once, with its key reading (the one its tile's sparkline shows), in the order its alarms came.</summary>
    internal static IReadOnlyList<(string DeviceId, string Point)> InvolvedPoints(IReadOnlyList<Alarm> alarms, LiveStateStore liveState)
    {
        var points = new List<(string, string)>();
        foreach (var deviceId in alarms.Select(a => a.DeviceId).Distinct(StringComparer.Ordinal))
        {
            if (liveState.GetDevice(deviceId) is { } device && TileLayout.SparklinePoint(device.Kind) is { } point)
            {
                points.Add((deviceId, point));
            }
        }

        return points;
    }

    private async Task SaveCommentAsync()
    {
        if (_incident is null)
        {
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

            await Incidents.AddCommentAsync(Id, actor.Account, actor.Name, _comment, _cts.Token);
            _comment = null;
            _error = null;
            await LoadAsync();
        }
        catch (AlarmOperationException ex)
        {
            var text = ex.MessageKey is { } key ? L["Room.AlarmError." + key, [.. ex.Arguments]] : null;
            _error = text is null || text.ResourceNotFound ? ex.Message : text.Value;
        }
        finally
        {
            _saving = false;
        }
    }

    private sealed record IncidentChart(string DeviceId, string Point, HistorySeries Series);
}
