using System.Globalization;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Web.Features.Room.Components;
using DataCenterOps.Web.Features.Room;
using Microsoft.AspNetCore.Components;

namespace DataCenterOps.Web.Features.Room.Pages;

public sealed partial class RoomDevicePage
{
    private static readonly (string Key, TimeSpan Span)[] Ranges =
    [
        ("Range.1h", TimeSpan.FromHours(1)),
        ("Range.24h", TimeSpan.FromHours(24)),
        ("Range.7d", TimeSpan.FromDays(7)),
        ("Range.30d", TimeSpan.FromDays(30)),
    ];

    private readonly CancellationTokenSource _cts = new();
    private LiveRoomView? _view;
    private bool _inMaintenance;
    private string? _point;
    private TimeSpan _range = TimeSpan.FromHours(1);
    private DateTimeOffset _from;
    private DateTimeOffset _to;
    private HistorySeries? _series;

    [Parameter]
    public string Id { get; set; } = "";

    public void Dispose()
    {
        _view?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override async Task OnParametersSetAsync()
    {
        _view?.Dispose();
        _view = Views.CreateFor(Id, () => InvokeAsync(StateHasChanged));
        _inMaintenance = (await Maintenance.GetDevicesInMaintenanceAsync(_cts.Token)).Contains(Id);
        var device = LiveState.GetDevice(Id);
        _point = device is null ? null : TileLayout.SparklinePoint(device.Kind) ?? device.Points.FirstOrDefault(p => p.Value is not null)?.Point;
        await LoadSeriesAsync();
    }

    private async Task SelectAsync(string point)
    {
        _point = point;
        await LoadSeriesAsync();
    }

    private async Task SetRangeAsync(TimeSpan range)
    {
        _range = range;
        await LoadSeriesAsync();
    }

    private async Task LoadSeriesAsync()
    {
        _to = Time.GetUtcNow();
        _from = _to - _range;
        if (_point is null)
        {
            _series = null;
            return;
        }

        try
        {
            _series = await History.GetChartSeriesAsync(Id, _point, _from, _to, _cts.Token);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // Navigated away.
        }
    }

    // The readings the chart stands for, not the points it draws: a week is drawn as at most 2,000 buckets (docs/adr/0015),
    // each counting the readings it holds, as a rollup does.
    private static long ReadingCount(HistorySeries series) => series.Samples.Sum(s => s.Count);

    private string ExportUrl() => string.Create(
        CultureInfo.InvariantCulture,
        $"room/devices/{Uri.EscapeDataString(Id)}/export.csv?point={Uri.EscapeDataString(_point ?? "")}&from={Uri.EscapeDataString(_from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(_to.ToString("O", CultureInfo.InvariantCulture))}");

    /// <summary>The limits that apply to a point in words: configured over defaults, or the rule that watches it.</summary>
    private string LimitsText(DeviceKind kind, PointState point)
    {
        var limits = DeviceThresholds.For(Monitoring.Value.Find(Id), kind, point.Point);
        var unit = RoomFormat.Unit(L, point.Unit);
        var parts = new List<string>();
        void Add(string key, double? value)
        {
            if (value is { } v)
            {
                var number = v.ToString("0.##", CultureInfo.CurrentCulture);
                parts.Add(L[key, string.IsNullOrEmpty(unit) ? number : number + " " + unit]);
            }
        }

        if (limits is not null)
        {
            Add("Room.Limit.LowCritical", limits.LowCritical);
            Add("Room.Limit.LowWarning", limits.LowWarning);
            Add("Room.Limit.HighWarning", limits.HighWarning);
            Add("Room.Limit.HighCritical", limits.HighCritical);
        }

        if (PointRules.RuleKey(kind, point.Point) is { } rule)
        {
            parts.Add(L[rule]);
        }

        return parts.Count == 0 ? L["Room.Limit.None"] : string.Join(" · ", parts);
    }
}
