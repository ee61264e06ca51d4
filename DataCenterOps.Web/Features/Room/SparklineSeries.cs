using DataCenterOps.Web.Features.Room.Components;

namespace DataCenterOps.Web.Features.Room;

/// <summary>One sparkline, shared by every screen: its values and the SVG polyline for the default box, built once.</summary>
public sealed class SparklineSeries
{
    public const int Width = 120;
    public const int Height = 28;

    public static readonly SparklineSeries Empty = new([], "");

    private SparklineSeries(IReadOnlyList<double> values, string path)
    {
        Values = values;
        Path = path;
    }

    public IReadOnlyList<double> Values { get; }

    /// <summary>Polyline points for a <see cref="Width"/> × <see cref="Height"/> box.</summary>
    public string Path { get; }

    public static SparklineSeries From(IReadOnlyList<double> values) =>
        values.Count < 2 ? new SparklineSeries(values, "") : new SparklineSeries(values, SparklinePath.Build(values, Width, Height));
}
