using DataCenterOps.Monitoring.Energy;
using DataCenterOps.Web.Shared.Display;
using Microsoft.AspNetCore.Components;

namespace DataCenterOps.Web.Features.Room.Components;

/// <summary>
/// Daily and monthly PUE from monitoring history (<see cref="PueCalculator"/>), in the display zone's days. Energy moves
/// slowly, so the figures come from the shared <see cref="RoomPue"/> (computed at most once a minute for every screen) at
/// start and every five minutes, not on every poll.
/// </summary>
public sealed partial class PueTile
{
    private const int Days = RoomPue.Days;
    private const int BarWidth = 10;
    private const int BarHeight = 40;
    private const double Ceiling = 2.5;
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(5);

    private readonly CancellationTokenSource _cts = new();
    private ITimer? _timer;
    private PueCategory? _category;
    private PueFigure? _today;
    private PueFigure? _month;
    private IReadOnlyList<(DateOnly Day, PueFigure? Figure)> _days = [];

    [Inject]
    private RoomPue Pue { get; set; } = null!;

    [Inject]
    private DisplayClock Clock { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    public void Dispose()
    {
        _timer?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        _timer = Time.CreateTimer(_ => _ = InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), null, Refresh, Refresh);
    }

    private async Task LoadAsync()
    {
        try
        {
            var figures = await Pue.GetAsync(_cts.Token);
            (_category, _today, _month, _days) = (figures.Category, figures.Today, figures.Month, figures.Days);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // The page is going away.
        }
    }
}
