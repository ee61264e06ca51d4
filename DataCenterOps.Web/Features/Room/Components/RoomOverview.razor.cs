using DataCenterOps.Web.Features.Room;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Sites;
using Microsoft.AspNetCore.Components;

namespace DataCenterOps.Web.Features.Room.Components;

/// <summary>
/// Reads the shared room (<see cref="LiveRoomViewFactory"/>) and the shared sparklines (<see cref="RoomSparklines"/>):
/// opening it queries nothing of its own; only maintenance and names come from their (shared, cached) services.
/// </summary>
public sealed partial class RoomOverview
{
    private static readonly TimeSpan SlowRefresh = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _cts = new();
    private LiveRoomView? _view;
    private IDisposable? _sparkWatch;
    private ITimer? _slowTimer;
    private IReadOnlySet<string> _inMaintenance = new HashSet<string>();

    [Inject]
    private LiveRoomViewFactory Views { get; set; } = null!;

    [Inject]
    private RoomSparklines Sparks { get; set; } = null!;

    [Inject]
    private IRoomMaintenanceStatus Maintenance { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private RoomNames Names { get; set; } = null!;

    [Inject]
    private SiteContext Sites { get; set; } = null!;

    [Inject]
    private DisplayClock Clock { get; set; } = null!;

    [Inject]
    private DataCenterOps.Monitoring.Physics.TemperatureRates Rates { get; set; } = null!;

    public void Dispose()
    {
        _view?.Dispose();
        _sparkWatch?.Dispose();
        _slowTimer?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        _view = Views.Create(() => InvokeAsync(StateHasChanged));
        if (RendererInfo.IsInteractive)
        {
            // Only a live circuit watches (a prerender is gone before a refresh could land).
            _sparkWatch = Sparks.Watch(() => _ = InvokeAsync(StateHasChanged));
        }

        await RefreshSlowAsync();

        // Maintenance changes slowly: re-read (from its shared cache) once a minute rather than on every poll.
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
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // The page is going away.
        }
    }
}
