using System.Net.Http.Json;
using System.Net;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Tests.TestSupport;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Monitoring.Simulation;

public sealed class SimulatorEndpointsTests : IAsyncLifetime
{
    private readonly RoomHarness _harness = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<IOptions<SimulatorOptions>>(Options.Create(_harness.Options));
        builder.Services.AddSingleton<ISimulatorControl>(_harness.Room);
        builder.Services.AddAuthentication(TestAuthHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapSimulatorEndpoints();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("Operator", HttpStatusCode.Forbidden)]
    [InlineData("Supervisor", HttpStatusCode.Forbidden)]
    [InlineData("Administrator", HttpStatusCode.OK)]
    public async Task Scenarios_AreListedOnlyForAdministrators(string? role, HttpStatusCode expected)
    {
        using var response = await _client.SendAsync(Request(HttpMethod.Get, "/api/v1/simulator/scenarios", role));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("Operator", HttpStatusCode.Forbidden)]
    public async Task Start_IsRefused_ForOtherRoles_AndChangesNothing(string? role, HttpStatusCode expected)
    {
        using var response = await _client.SendAsync(Request(HttpMethod.Post, "/api/v1/simulator/scenarios/mains-failure/start", role));

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_harness.Room.ActiveScenarios);
    }

    [Fact]
    public async Task Administrator_StartsAndStopsAScenario()
    {
        using var started = await _client.SendAsync(Request(HttpMethod.Post, "/api/v1/simulator/scenarios/mains-failure/start"));
        var info = await started.Content.ReadFromJsonAsync<ScenarioInfo>();

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.True(info!.IsActive);
        Assert.Equal("battery", _harness.State("ups-1", "output.source"));

        using var stopped = await _client.SendAsync(Request(HttpMethod.Post, "/api/v1/simulator/scenarios/mains-failure/stop"));

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Empty(_harness.Room.ActiveScenarios);
    }

    [Fact]
    public async Task Administrator_SilencesANamedDevice_AndListsIt()
    {
        using var started = await _client.SendAsync(Request(HttpMethod.Post, "/api/v1/simulator/scenarios/device-silent/start?device=genset-1"));
        var list = await _client.SendAsync(Request(HttpMethod.Get, "/api/v1/simulator/scenarios"));
        var scenarios = await list.Content.ReadFromJsonAsync<List<ScenarioInfo>>();

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(SimulatedFault.Silent, _harness.Room.GetFault("genset-1"));
        Assert.Equal(["genset-1"], scenarios!.Single(s => s.Name == "device-silent").ActiveOn);
        Assert.Equal(10, scenarios!.Count);
    }

    [Theory]
    [InlineData("/api/v1/simulator/scenarios/earthquake/start", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/simulator/scenarios/device-garbage/start", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/simulator/scenarios/door-open/start?device=ups-9", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/simulator/scenarios/door-open/stop?device=ups-9", HttpStatusCode.BadRequest)]
    public async Task BadRequests_GetAProblem_NotAServerError(string url, HttpStatusCode expected)
    {
        using var response = await _client.SendAsync(Request(HttpMethod.Post, url));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reset_StopsEveryScenario()
    {
        _harness.Room.Start(SimulatorScenarios.FireAlarm);
        _harness.Room.Start(SimulatorScenarios.DoorOpen);

        using var response = await _client.SendAsync(Request(HttpMethod.Post, "/api/v1/simulator/reset"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_harness.Room.ActiveScenarios);
    }

    [Fact]
    public async Task DisabledSimulator_Answers404()
    {
        _harness.Options.Enabled = false;

        using var response = await _client.SendAsync(Request(HttpMethod.Get, "/api/v1/simulator/scenarios"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string? role = "Administrator")
    {
        var request = new HttpRequestMessage(method, url);
        if (role is not null)
        {
            request.Headers.Add(TestAuthHandler.RolesHeader, role);
        }

        return request;
    }
}
