using System.Globalization;
using System.Text;
using DataCenterOps.Monitoring.History;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Documents;
using Microsoft.AspNetCore.Http;

namespace DataCenterOps.Web.Features.Room;

/// <summary>
/// <c>GET /room/devices/{id}/export.csv?point=&amp;from=&amp;to=</c>: a device's stored history as CSV, one point or
/// all of them, at the resolution the range calls for. Times are ISO 8601 UTC plus the display zone; numbers
/// are invariant so spreadsheets in any locale read them the same.
/// </summary>
internal static class DeviceCsvExport
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);

    public static async Task<IResult> HandleAsync(
        string id, string? point, DateTimeOffset? from, DateTimeOffset? to,
        LiveStateStore liveState, HistoryQuery history, DisplayClock clock, HttpContext context)
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
            return Results.BadRequest($"The range must be positive and at most {MaxRange.TotalDays:0} days.");
        }

        string[] points = string.IsNullOrWhiteSpace(point) ? [.. device.Points.Select(p => p.Point)] : [point];
        var body = new StringBuilder("timestamp_utc,timestamp_local,device,point,unit,resolution,min,avg,max,count\n");
        foreach (var name in points)
        {
            var series = await history.GetSeriesAsync(id, name, start, end, context.RequestAborted).ConfigureAwait(false);
            var unit = device.Find(name)?.Unit ?? "";
            foreach (var s in series.Samples)
            {
                body.Append(CultureInfo.InvariantCulture,
                    $"{s.Timestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ},{clock.ToLocal(s.Timestamp):yyyy-MM-ddTHH:mm:ss.fffzzz},{Csv(id)},{Csv(name)},{Csv(unit)},{series.Resolution},{s.Min:R},{s.Avg:R},{s.Max:R},{s.Count}\n");
            }
        }

        var fileName = string.Create(CultureInfo.InvariantCulture, $"{id}-{start.UtcDateTime:yyyyMMddTHHmm}-{end.UtcDateTime:yyyyMMddTHHmm}.csv");
        return Results.File(Encoding.UTF8.GetBytes(body.ToString()), "text/csv; charset=utf-8", fileName);
    }

    /// <summary>One cell, by the one CSV writer.</summary>
    internal static string Csv(string value) => CsvWriter.Cell(value);
}
