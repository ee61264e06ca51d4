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
    public static async Task<int> WriteAsync(TextWriter output, DeviceProfile profile, ProbeReport report)
    {
        var rows = new List<string[]> { Header };
        foreach (var point in report.Points)
        {
            string check;
            if (point is { HasValue: true, Raw: { } raw, Value: { } value })
            {
                check = point.Finding?.Describe(profile.GetPoint(point.Name)) ?? "ok";
                rows.Add([point.Name, Format(raw), Format(value), point.Unit.Length > 0 ? point.Unit : "-", point.State ?? "-", check]);
                continue;
            }

            check = point.Quality switch
            {
                PointQuality.NotAvailable => "not available (the device does not serve it)",
                PointQuality.SensorFault => "sensor fault (the device reports no valid value)",
                var q => q.ToString(),
            };
            rows.Add([point.Name, "-", "-", point.Unit.Length > 0 ? point.Unit : "-", point.State ?? "-", check]);
        }

        var widths = Enumerable.Range(0, Header.Length - 1).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = string.Join("  ", row.Take(widths.Length).Select((cell, c) => c is 1 or 2 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c])));
            await output.WriteLineAsync($"{line}  {row[^1]}".TrimEnd()).ConfigureAwait(false);
        }

        var count = report.Points.Count;
        var missing = report.WithoutValue;
        var implausible = report.Implausible;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{count} point(s) read in {report.Requests} request(s): {count - missing - implausible} ok, {implausible} implausible, {missing} without a value.")).ConfigureAwait(false);
        if (missing == count && missing > 0)
        {
            await output.WriteLineAsync("warning: the device answered but gave no point a value — check the unit id, the context or the profile.").ConfigureAwait(false);
        }

        return implausible;
    }

    private static string Format(double number) => number.ToString("0.####", CultureInfo.InvariantCulture);
}
