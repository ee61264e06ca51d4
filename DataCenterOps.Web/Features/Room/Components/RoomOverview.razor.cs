using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Features.Room;
using DataCenterOps.Web.Shared.Sites;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Room.Components;

public sealed partial class RoomOverview
{
    private static readonly TimeSpan SparkRange = TimeSpan.FromHours(1);
    private static readonly TimeSpan SlowRefresh = TimeSpan.FromMinutes(1);
    private const int SparkPoints = 60;

    private readonly CancellationTokenSource _cts = new();
    private LiveRoomView? _view;
    private ITimer? _slowTimer;
    private Dictionary<string, IReadOnlyList<double>> _sparks = new(StringComparer.Ordinal);
    private IReadOnlySet<string> _inMaintenance = new HashSet<string>();

    [Inject]
    private LiveStateStore LiveState { get; set; } = null!;

    [Inject]
    private AlarmService Alarms { get; set; } = null!;

    [Inject]
    private LiveRoomViewFactory Views { get; set; } = null!;

    [Inject]
    private HistoryQuery History { get; set; } = null!;

    [Inject]
    private IRoomMaintenanceStatus Maintenance { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private RoomNames Names { get; set; } = null!;

    [Inject]
    private SiteContext Sites { get; set; } = null!;


    public void Dispose()
    {
        _view?.Dispose();
        _slowTimer?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        _view = Views.CreateForSite(id => LiveState.GetDevice(id) is { } d && Sites.Shows(d.Site), () => InvokeAsync(StateHasChanged));
        await RefreshSlowAsync();

        // Sparklines and maintenance change slowly: refresh once a minute rather than on every poll.
        _slowTimer = Time.CreateTimer(_ => _ = InvokeAsync(async () =>
        {
            await RefreshSlowAsync();
            StateHasChanged();
        }), null, SlowRefresh, SlowRefresh);
    }

    private async Task RefreshSlowAsync()
    {
        try
        {
            _inMaintenance = await Maintenance.GetDevicesInMaintenanceAsync(_cts.Token);
            await Names.EnsureLoadedAsync(_cts.Token);
            var to = Time.GetUtcNow();
            var sparks = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
            foreach (var device in LiveState.GetDevices().Where(d => Sites.Shows(d.Site)))
            {
                if (TileLayout.SparklinePoint(device.Kind) is { } point)
                {
                    var series = await History.GetSeriesAsync(device.DeviceId, point, to - SparkRange, to, _cts.Token);
                    sparks[device.DeviceId] = SparklinePath.Downsample([.. series.Samples.Select(s => s.Avg)], SparkPoints);
                }
            }

            _sparks = sparks;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // The page is going away.
        }
    }
}
