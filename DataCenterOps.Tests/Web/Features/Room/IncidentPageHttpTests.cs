using System.Net;
using DataCenterOps.Domain.People;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Tests.Web.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Room;

/// <summary>
/// The incident pages over HTTP on the real app: the simulated room's mains failure becomes one incident, listed,
/// opened with its timeline (acknowledgement by name, comment), and exported as a PDF that a real reader reads.
/// </summary>
public sealed class IncidentPageHttpTests(WebAppFactory factory) : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private SimulatedRoom Room => factory.Services.GetRequiredService<SimulatedRoom>();

    public Task InitializeAsync()
    {
        _ = factory.Server;
        Room.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Room.Reset();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task MainsFailure_IsOneIncident_WhosePage_ShowsTheTimeline_AndWhosePdf_CarriesItsTitleAndWho()
    {
        using var admin = await SignInClient.BrowserClientAsync(factory, Roles.Administrator);
        using var started = await admin.PostAsync("/api/v1/simulator/scenarios/mains-failure/start", null);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var incidents = factory.Services.GetRequiredService<IncidentService>();
        var alarms = factory.Services.GetRequiredService<AlarmService>();

        var incident = await EventuallyAsync(async () =>
            (await incidents.ListAsync(new IncidentFilter(State: IncidentState.Open), CancellationToken.None)).FirstOrDefault(i => i.Rule == "power.mains_failure"));
        var mains = await EventuallyAsync(() => Task.FromResult(alarms.GetActive().FirstOrDefault(a => a.Key == AlarmKeys.MainsFailed)));
        await alarms.AcknowledgeAsync(mains.Id, "operator@dcops.local", "Budi Operator", "Genset checked on site", CancellationToken.None);
        await incidents.AddCommentAsync(incident.Id, "supervisor@dcops.local", "Sari Pengawas", "PLN feeder tripped", CancellationToken.None);

        using var client = await SignInClient.ClientAsync(factory, Roles.Operator);
        var list = await client.GetStringAsync("/room/incidents");
        var page = await client.GetStringAsync($"/room/incidents/{incident.Id}");
        using var pdf = await client.GetAsync($"/room/incidents/{incident.Id}/report.pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        var text = await PdfTools.TextAsync(bytes);

        Assert.Contains($"room/incidents/{incident.Id}", list, StringComparison.Ordinal);
        Assert.Contains("Gangguan listrik PLN", list, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"Raised\" data-alarm=\"mains.failed\"", page, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"Acknowledged\"", page, StringComparison.Ordinal);
        Assert.Contains("Budi Operator", page, StringComparison.Ordinal);
        Assert.Contains("Genset checked on site", page, StringComparison.Ordinal);
        Assert.Contains("PLN feeder tripped", page, StringComparison.Ordinal);
        Assert.Contains("room-incident-chart", page, StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        Assert.Contains("LAPORAN INSIDEN DATA CENTER", text, StringComparison.Ordinal);
        Assert.Contains("Gangguan listrik PLN", text, StringComparison.Ordinal);
        Assert.Contains("Budi Operator", text, StringComparison.Ordinal);
        Assert.Contains("Kronologi", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownIncident_PageSaysNotFound_AndItsPdfIs404()
    {
        using var client = await SignInClient.ClientAsync(factory, Roles.Operator);
        var id = Guid.NewGuid();

        var page = await client.GetStringAsync($"/room/incidents/{id}");
        using var pdf = await client.GetAsync($"/room/incidents/{id}/report.pdf");

        Assert.Contains("Insiden tidak ditemukan.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
    }

    /// <summary>Waits (up to <see cref="Patience"/>) for the polled room to show something; fails with a message otherwise.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.False(deadline.IsCancellationRequested, "The simulated mains failure did not show in time.");
            await Task.Delay(250);
        }
    }
}
