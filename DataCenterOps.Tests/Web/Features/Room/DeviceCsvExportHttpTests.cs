using System.Globalization;
using System.Net;
using System.Text;
using DataCenterOps.Domain.People;
using DataCenterOps.Monitoring.History;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Room;

/// <summary>
/// The device-history CSV over HTTP against the real app, in both languages: the one CSV writer's dialect (";" with
/// decimal commas in Indonesian, "," with decimal points in English, UTF-8 with a BOM, CRLF), so a value and the
/// separator never collide and a spreadsheet of the reader's culture opens the numbers as numbers.
/// </summary>
public sealed class DeviceCsvExportHttpTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const string Device = "env-1";
    private const string Point = "temperature";

    [Fact]
    public async Task Indonesian_IsSemicolonSeparated_WithDecimalCommas_AndIndonesianHeaders()
    {
        var query = await StoreReadingsAsync(hoursAgo: 30);
        using var client = await SignInClient.ClientAsync(app, Roles.Operator);

        var (bytes, lines) = await ExportAsync(client, query);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Waktu (UTC);Waktu setempat;Perangkat;Titik;Satuan;Resolusi;Min;Rata-rata;Maks;Jumlah sampel", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.Equal(10, l.Split(';').Length));
        Assert.Equal([Device, Point, "°C", "Sampel mentah", "24,25", "24,25", "24,25", "1"], lines[1].Split(';')[2..]);
        // A negative reading is a number, not a neutralised formula.
        Assert.Equal(["-0,5", "-0,5", "-0,5", "1"], lines[2].Split(';')[6..]);
    }

    [Fact]
    public async Task English_IsCommaSeparated_WithDecimalPoints_AndEnglishHeaders()
    {
        var query = await StoreReadingsAsync(hoursAgo: 40);
        using var client = await SignInClient.ClientAsync(app, Roles.Operator);
        using (await client.GetAsync("/culture/set?culture=en-US&redirectUri=/"))
        {
        }

        var (bytes, lines) = await ExportAsync(client, query);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Time (UTC),Local time,Device,Point,Unit,Resolution,Min,Average,Max,Samples", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.Equal(10, l.Split(',').Length));
        Assert.Equal([Device, Point, "°C", "Raw samples", "24.25", "24.25", "24.25", "1"], lines[1].Split(',')[2..]);
        Assert.Equal(["-0.5", "-0.5", "-0.5", "1"], lines[2].Split(',')[6..]);
        Assert.DoesNotContain(";", string.Join("", lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvertedRange_IsRefused_InTheReadersLanguage()
    {
        using var client = await SignInClient.ClientAsync(app, Roles.Operator);
        var now = DateTimeOffset.UtcNow;

        using var response = await client.GetAsync($"/room/devices/{Device}/export.csv?from={Iso(now)}&to={Iso(now.AddHours(-1))}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("paling lama 400 hari", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Two readings written straight into the history store, in a half hour of each test's own, long before the app
    /// started (the simulated room's readings come later), so the export's rows are exactly these two.
    /// </summary>
    private async Task<string> StoreReadingsAsync(int hoursAgo)
    {
        var store = app.Services.GetRequiredService<IHistoryStore>();
        var start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddHours(-hoursAgo);
        await store.WriteBatchAsync(
            [new Reading(Device, Point, start.AddMinutes(10), 24.25, "°C"), new Reading(Device, Point, start.AddMinutes(20), -0.5, "°C")],
            CancellationToken.None);
        return $"point={Point}&from={Iso(start)}&to={Iso(start.AddMinutes(30))}";
    }

    private static async Task<(byte[] Bytes, string[] Lines)> ExportAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/room/devices/{Device}/export.csv?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return (bytes, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O", CultureInfo.InvariantCulture));
}
