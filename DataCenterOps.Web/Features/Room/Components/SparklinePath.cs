using System.Globalization;
using System.Text;

namespace DataCenterOps.Web.Features.Room.Components;

/// <summary>SVG polyline points for a series, scaled to fill the box (1 px margin so a flat line stays visible).</summary>
public static class SparklinePath
{
    public static string Build(IReadOnlyList<double> values, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return "";
        }

        var min = values.Min();
        var max = values.Max();
        var span = max - min;
        var builder = new StringBuilder(values.Count * 12);
        for (var i = 0; i < values.Count; i++)
        {
            var x = i * width / (values.Count - 1);
            var y = span <= 0 ? height / 2 : 1 + ((max - values[i]) / span * (height - 2));
            builder.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
        }

        return builder.ToString(0, builder.Length - 1);
    }

    /// <summary>At most <paramref name="count"/> averages of equal runs, so an hour of 1-s samples draws as a short line.</summary>
    public static IReadOnlyList<double> Downsample(IReadOnlyList<double> values, int count)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count <= count)
        {
            return values;
        }

        var result = new double[count];
        for (var b = 0; b < count; b++)
        {
            var start = b * values.Count / count;
            var end = Math.Max(start + 1, (b + 1) * values.Count / count);
            double sum = 0;
            for (var i = start; i < end; i++)
            {
                sum += values[i];
            }

            result[b] = sum / (end - start);
        }

        return result;
    }
}
