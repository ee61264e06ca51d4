using System.Globalization;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// <c>GET /room/devices/{id}/export.csv?point=&amp;from=&amp;to=</c>: a device's stored history as CSV, one point or
/// all of them, at the resolution the range calls for, through the one CSV writer in the reader's spreadsheet dialect
/// (";" and decimal commas for id-ID, "," and decimal points otherwise; UTF-8 with a BOM). Headers and the resolution are
/// in the reader's language; times are ISO 8601, UTC and in the display zone.
/// </summary>
internal static class DeviceCsvExport
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);

    public static async Task<IResult> HandleAsync(
        string id, string? point, DateTimeOffset? from, DateTimeOffset? to,
        LiveStateStore liveState, HistoryQuery history, DisplayClock clock, IStringLocalizer<Ui> l, HttpContext context)
    {
        var device = liveState.GetDevice(id);
        if (device is null)
        {
            return Results.NotFound();
        }

        var end = to ?? clock.UtcNow;
        var start = from ?? end - DefaultRange;
        if (start >= end || end - start > MaxRange)
        {
            return Results.BadRequest(l["Room.Export.RangeRefused", MaxRange.TotalDays].Value);
        }

        string[] points = string.IsNullOrWhiteSpace(point) ? [.. device.Points.Select(p => p.Point)] : [point];
        var csv = CsvWriter.For(CultureInfo.CurrentCulture).Row(
            l["Room.Export.TimeUtc"], l["Room.Export.TimeLocal"], l["Room.Export.Device"], l["Room.Export.Point"], l["Room.Export.Unit"],
            l["Room.Export.Resolution"], l["Room.Export.Min"], l["Room.Export.Avg"], l["Room.Export.Max"], l["Room.Export.Count"]);
        foreach (var name in points)
        {
            var series = await history.GetSeriesAsync(id, name, start, end, context.RequestAborted).ConfigureAwait(false);
            var unit = device.Find(name)?.Unit ?? "";
            var resolution = l["Room.Device.Resolution." + series.Resolution].Value;
            foreach (var s in series.Samples)
            {
                csv.Text(s.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))
                    .Text(clock.ToLocal(s.Timestamp).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture))
                    .Text(id).Text(name).Text(unit).Text(resolution)
                    .Number(s.Min).Number(s.Avg).Number(s.Max).Number(s.Count)
                    .EndRow();
            }
        }

        var fileName = string.Create(CultureInfo.InvariantCulture, $"{id}-{start.UtcDateTime:yyyyMMddTHHmm}-{end.UtcDateTime:yyyyMMddTHHmm}.csv");
        return Results.File(csv.ToBytes(), CsvWriter.ContentType, fileName);
    }
}
