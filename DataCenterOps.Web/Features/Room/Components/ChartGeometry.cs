using System.Globalization;
using System.Text;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.History;

namespace DataCenterOps.Web.Features.Room.Components;

/// <summary>Scales a series into the chart's SVG box: y from the data and the limits, x from the requested range.</summary>
public sealed class ChartGeometry
{
    public const double Width = 800;
    public const double Height = 260;
    public const double Left = 48;
    private const double Top = 8;
    private const double Bottom = 22;

    private readonly double _min;
    private readonly double _max;
    private readonly DateTimeOffset _from;
    private readonly DateTimeOffset _to;

    private ChartGeometry(double min, double max, DateTimeOffset from, DateTimeOffset to)
    {
        _min = min;
        _max = max;
        _from = from;
        _to = to;
    }

    public string LinePoints { get; private set; } = "";

    public string BandPoints { get; private set; } = "";

    public bool HasBand { get; private set; }

    public IReadOnlyList<double> YTicks { get; private set; } = [];

    public IReadOnlyList<DateTimeOffset> XTicks { get; private set; } = [];

    public IReadOnlyList<(double Value, string Css)> Limits { get; private set; } = [];

    public static ChartGeometry From(IReadOnlyList<HistorySample> samples, ThresholdOptions? limits, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var lines = new List<(double, string)>();
        void Add(double? v, string css)
        {
            if (v is { } value)
            {
                lines.Add((value, css));
            }
        }

        Add(limits?.HighCritical, "limit-critical");
        Add(limits?.LowCritical, "limit-critical");
        Add(limits?.HighWarning, "limit-warning");
        Add(limits?.LowWarning, "limit-warning");
        var min = samples.Min(s => s.Min);
        var max = samples.Max(s => s.Max);

        // Show a limit only when it is near the data, else it flattens the line.
        var span = Math.Max(max - min, 1);
        lines.RemoveAll(l => l.Item1 < min - span || l.Item1 > max + span);
        foreach (var (value, _) in lines)
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        var pad = Math.Max((max - min) * 0.08, 0.5);
        var chart = new ChartGeometry(min - pad, max + pad, from, to) { Limits = lines };
        chart.Build(samples);
        return chart;
    }

    public double X(DateTimeOffset at) =>
        Left + ((at - _from).TotalMilliseconds / Math.Max(1, (_to - _from).TotalMilliseconds) * (Width - Left));

    public double Y(double value) => Top + ((_max - value) / (_max - _min) * (Height - Top - Bottom));

    private void Build(IReadOnlyList<HistorySample> samples)
    {
        var line = new StringBuilder();
        var upper = new StringBuilder();
        var lower = new List<string>(samples.Count);
        foreach (var s in samples)
        {
            var x = X(s.Timestamp);
            line.Append(CultureInfo.InvariantCulture, $"{x:0.#},{Y(s.Avg):0.#} ");
            upper.Append(CultureInfo.InvariantCulture, $"{x:0.#},{Y(s.Max):0.#} ");
            lower.Add(string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{Y(s.Min):0.#}"));
            HasBand |= s.Max > s.Min;
        }

        lower.Reverse();
        LinePoints = line.ToString().TrimEnd();
        BandPoints = upper + string.Join(' ', lower);
        var step = (_max - _min) / 4;
        YTicks = [.. Enumerable.Range(0, 5).Select(i => Math.Round(_min + (i * step), 1))];
        var width = (_to - _from) / 6;
        XTicks = [.. Enumerable.Range(1, 5).Select(i => _from + (width * i))];
    }
}
