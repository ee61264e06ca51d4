using DataCenterOps.Monitoring.Energy;
using DataCenterOps.Web.Shared.Display;
using Microsoft.AspNetCore.Components;

namespace DataCenterOps.Web.Features.Room.Components;

/// <summary>
/// Daily and monthly PUE from monitoring history (<see cref="PueCalculator"/>), in the display zone's days. Energy moves
/// slowly, so it is computed at start and every five minutes, not on every poll; past days are cached by the calculator.
/// </summary>
public sealed partial class PueTile
{
    private const int Days = 30;
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
    private PueCalculator Pue { get; set; } = null!;

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
            var now = Time.GetUtcNow();
            var today = Clock.Today;
            DateTimeOffset Start(DateOnly day) => new(Clock.ToUtc(day.ToDateTime(TimeOnly.MinValue)), TimeSpan.Zero);
            _category = Pue.Category;
            _today = await Pue.ComputeAsync(Start(today), now, _cts.Token);
            _month = await Pue.ComputeAsync(Start(new DateOnly(today.Year, today.Month, 1)), now, _cts.Token);
            var days = new List<(DateOnly, PueFigure?)>(Days);
            for (var back = Days; back >= 1; back--)
            {
                var day = today.AddDays(-back);
                var figure = await Pue.ComputeAsync(Start(day), Start(day.AddDays(1)), _cts.Token);
                days.Add((day, figure is { IsComplete: true } ? figure : null));
            }

            _days = days;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // The page is going away.
        }
    }
}
