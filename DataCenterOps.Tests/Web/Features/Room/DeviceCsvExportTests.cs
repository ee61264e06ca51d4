using DataCenterOps.Monitoring.History;
using DataCenterOps.Web;
using DataCenterOps.Web.Features.Room;
using DataCenterOps.Web.Shared.Display;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataCenterOps.Tests.Web.Features.Room;

public sealed class DeviceCsvExportTests : RoomTestContext
{
    [Fact]
    public async Task Export_WritesStoredSamplesOfThePoint_WithUtcAndWitaTimes()
    {
        var writer = new HistoryWriter(Database, MonitoringOptions, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var now = Time.GetUtcNow();
        await writer.WriteAsync(new Reading("env-1", "temperature", now.AddMinutes(-10), 23.5, "°C"), CancellationToken.None);
        await writer.WriteAsync(new Reading("env-1", "temperature", now.AddMinutes(-5), 24.25, "°C"), CancellationToken.None);
        await writer.WriteAsync(new Reading("env-1", "humidity", now.AddMinutes(-5), 48, "%"), CancellationToken.None);
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (writer.Stored < 3)
            {
                await Task.Delay(20, wait.Token);
            }
        }

        await writer.StopAsync(CancellationToken.None);
        Poll("env-1", Reading("temperature", 24.25, "°C"), Reading("humidity", 48, "%"));

        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var result = await DeviceCsvExport.HandleAsync(
            "env-1", "temperature", now.AddHours(-1), now, LiveState, Services.GetRequiredService<HistoryQuery>(), Services.GetRequiredService<DisplayClock>(),
            Services.GetRequiredService<IStringLocalizer<Ui>>(), context);
        await result.ExecuteAsync(context);

        // The context's culture is id-ID: the Indonesian dialect of the one CSV writer.
        context.Response.Body.Position = 0;
        var lines = (await new StreamReader(context.Response.Body).ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Waktu (UTC);Waktu setempat;Perangkat;Titik;Satuan;Resolusi;Min;Rata-rata;Maks;Jumlah sampel", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2026-03-01T07:55:00.000Z;2026-03-01T15:55:00.000+08:00;env-1;temperature;°C;Sampel mentah;24,25;", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("text/csv", context.Response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_IsNotFound_ForAnUnknownDevice_AndRefusesAnInvertedRange()
    {
        var context = new DefaultHttpContext();
        var query = Services.GetRequiredService<HistoryQuery>();
        var clock = Services.GetRequiredService<DisplayClock>();
        var now = Time.GetUtcNow();

        var text = Services.GetRequiredService<IStringLocalizer<Ui>>();

        var missing = await DeviceCsvExport.HandleAsync("nope", null, null, null, LiveState, query, clock, text, context);
        var inverted = await DeviceCsvExport.HandleAsync("env-1", null, now, now.AddHours(-1), LiveState, query, clock, text, context);

        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsAssignableFrom<IStatusCodeHttpResult>(missing).StatusCode);
        Assert.Equal(StatusCodes.Status400BadRequest, Assert.IsAssignableFrom<IStatusCodeHttpResult>(inverted).StatusCode);
    }
}
