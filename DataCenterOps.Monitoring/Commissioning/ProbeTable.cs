using System.Globalization;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Monitoring.Commissioning;

/// <summary>
/// The probe's plain text table: every point of the profile with the raw number the device sent, the value after
/// scaling, the unit, the state name of an enumerated point and the plausibility check. Columns are padded to align.
/// </summary>
internal static class ProbeTable
{
    private static readonly string[] Header = ["POINT", "RAW", "VALUE", "UNIT", "STATE", "CHECK"];

    /// <summary>Writes the table and a summary line; returns how many points were flagged implausible.</summary>
    public static async Task<int> WriteAsync(TextWriter output, IReadOnlyList<ProfilePoint> points, DeviceReadResult result)
    {
        var rows = new List<string[]> { Header };
        var implausible = 0;
        var missing = 0;
        var byName = result.Points.ToDictionary(p => p.Point, StringComparer.Ordinal);
        foreach (var point in points)
        {
            if (!byName.TryGetValue(point.Name, out var reading))
            {
                continue;
            }

            string raw = "-", value = "-", check;
            if (reading is { Quality: PointQuality.Good, Value: { } v })
            {
                raw = Format(point.ToRaw(v));
                value = Format(v);
                check = PlausibleRanges.Check(point, v) ?? "ok";
                implausible += check == "ok" ? 0 : 1;
            }
            else
            {
                missing++;
                check = reading.Quality switch
                {
                    PointQuality.NotAvailable => "not available (the device does not serve it)",
                    PointQuality.SensorFault => "sensor fault (the device reports no valid value)",
                    var q => q.ToString(),
                };
            }

            rows.Add([point.Name, raw, value, reading.Unit.Length > 0 ? reading.Unit : "-", reading.Text ?? "-", check]);
        }

        var widths = Enumerable.Range(0, Header.Length - 1).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = string.Join("  ", row.Take(widths.Length).Select((cell, c) => c is 1 or 2 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c])));
            await output.WriteLineAsync($"{line}  {row[^1]}".TrimEnd()).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count - 1} point(s) read in {result.Requests} request(s): {rows.Count - 1 - missing - implausible} ok, {implausible} implausible, {missing} without a value.")).ConfigureAwait(false);
        if (missing == rows.Count - 1 && missing > 0)
        {
            await output.WriteLineAsync("warning: the device answered but gave no point a value — check the unit id, the context or the profile.").ConfigureAwait(false);
        }

        return implausible;
    }

    private static string Format(double number) => number.ToString("0.####", CultureInfo.InvariantCulture);
}
