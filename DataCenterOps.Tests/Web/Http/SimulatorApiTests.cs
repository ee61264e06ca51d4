using System.Net;
using System.Net.Http.Json;
using DataCenterOps.Domain.People;
using DataCenterOps.Monitoring.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Http;

/// <summary>/api/v1/simulator over the real app: Administrators only, antiforgery on its posts, problems not server errors.</summary>
public sealed class SimulatorApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>, IAsyncLifetime
{
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

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Operator, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Supervisor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    public async Task Scenarios_AreListedOnlyForAdministrators_AndNeverRedirect(string? role, HttpStatusCode expected)
    {
        using var client = await SignInClient.ClientAsync(factory, role);

        using var response = await client.GetAsync("/api/v1/simulator/scenarios");

        Assert.Equal(expected, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Operator, HttpStatusCode.Forbidden)]
    public async Task Start_IsRefused_ForOtherRoles_AndChangesNothing(string? role, HttpStatusCode expected)
    {
        using var client = await SignInClient.BrowserClientAsync(factory, role);

        using var response = await client.PostAsync("/api/v1/simulator/scenarios/mains-failure/start", null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(Room.ActiveScenarios);
    }

    [Fact]
    public async Task Start_WithoutTheAntiforgeryToken_IsRefused_AndChangesNothing()
    {
        using var client = await SignInClient.ClientAsync(factory, Roles.Administrator);

        using var response = await client.PostAsync("/api/v1/simulator/scenarios/mains-failure/start", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Room.ActiveScenarios);
    }

    [Fact]
    public async Task Administrator_StartsAndStopsAScenario()
    {
        using var client = await SignInClient.BrowserClientAsync(factory, Roles.Administrator);

        using var started = await client.PostAsync("/api/v1/simulator/scenarios/mains-failure/start", null);
        var info = await started.Content.ReadFromJsonAsync<ScenarioInfo>();

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.True(info!.IsActive);
        Assert.Equal("battery", Room.GetState("ups-1", "output.source"));

        using var stopped = await client.PostAsync("/api/v1/simulator/scenarios/mains-failure/stop", null);

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Empty(Room.ActiveScenarios);
    }

    [Fact]
    public async Task Administrator_SilencesANamedDevice_AndListsIt()
    {
        using var client = await SignInClient.BrowserClientAsync(factory, Roles.Administrator);

        using var started = await client.PostAsync("/api/v1/simulator/scenarios/device-silent/start?device=genset-1", null);
        var scenarios = await client.GetFromJsonAsync<List<ScenarioInfo>>("/api/v1/simulator/scenarios");

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(SimulatedFault.Silent, Room.GetFault("genset-1"));
        Assert.Equal(["genset-1"], scenarios!.Single(s => s.Name == "device-silent").ActiveOn);
        Assert.Equal(11, scenarios!.Count);
    }

    [Theory]
    [InlineData("/api/v1/simulator/scenarios/earthquake/start", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/simulator/scenarios/device-garbage/start", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/simulator/scenarios/door-open/start?device=ups-9", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/simulator/scenarios/door-open/stop?device=ups-9", HttpStatusCode.BadRequest)]
    public async Task BadRequests_GetAProblem_NotAServerError(string url, HttpStatusCode expected)
    {
        using var client = await SignInClient.BrowserClientAsync(factory, Roles.Administrator);

        using var response = await client.PostAsync(url, null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reset_StopsEveryScenario()
    {
        Room.Start(SimulatorScenarios.FireAlarm);
        Room.Start(SimulatorScenarios.DoorOpen);
        using var client = await SignInClient.BrowserClientAsync(factory, Roles.Administrator);

        using var response = await client.PostAsync("/api/v1/simulator/reset", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Room.ActiveScenarios);
    }

    [Fact]
    public async Task DisabledSimulator_Answers404()
    {
        await using var disabled = new WebAppFactory();
        disabled.ExtraSettings["Simulator:Enabled"] = "false";
        using var client = await SignInClient.ClientAsync(disabled, Roles.Administrator);

        using var response = await client.GetAsync("/api/v1/simulator/scenarios");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
