using System.Net;
using System.Net.Http.Json;
using DataCenterOps.Domain.People;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Api;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Tests.Monitoring.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Http;

/// <summary>/api/v1/devices and /api/v1/alarms of the real app: a signed-in cookie or Api:ApiKey; else 401, never a redirect.</summary>
public sealed class ApiKeyTests : IAsyncLifetime
{
    public const string Key = "k3y-for-machines";
    private readonly WebAppFactory _factory = new();

    public async Task InitializeAsync()
    {
        _factory.ExtraSettings["Api:ApiKey"] = Key;
        _ = _factory.Server;
        var live = _factory.Services.GetRequiredService<LiveStateStore>();
        await Eventually.TrueAsync(() => live.GetDevices().Count > 0 && live.GetDevices().All(d => d.Status.IsUp), "every device up");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/api/v1/devices", null, null)]
    [InlineData("/api/v1/alarms", null, null)]
    [InlineData("/api/v1/devices", "Authorization", "Bearer wrong")]
    [InlineData("/api/v1/devices", "X-Api-Key", "wrong")]
    [InlineData("/api/v1/devices", "Authorization", "Basic " + Key)]
    [InlineData("/api/v1/alarms", "X-Api-Key", "")]
    public async Task NoKeyOrAWrongKey_Is401WithBearerChallenge_AndNoRedirect(string path, string? header, string? value)
    {
        using var client = await SignInClient.ClientAsync(_factory, null);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.Select(h => h.Scheme));
        Assert.Null(response.Headers.Location);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("Authorization", "Bearer " + Key)]
    [InlineData("X-Api-Key", Key)]
    public async Task TheApiKey_GetsEveryDeviceWithItsPoints(string header, string value)
    {
        using var client = await SignInClient.ClientAsync(_factory, null);
        client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);

        var devices = await client.GetFromJsonAsync<DeviceDto[]>("/api/v1/devices");

        Assert.NotNull(devices);
        Assert.All(devices, d => Assert.True(d.Up, d.Id));
        var ups = devices.Single(d => d.Id == "ups-1");
        Assert.Equal("Ups", ups.Kind);
        var charge = ups.Points.Single(p => p.Name == "battery.charge");
        Assert.Equal(("%", "Good"), (charge.Unit, charge.Quality));
        Assert.InRange(charge.Value!.Value, 0, 100);
        var source = ups.Points.Single(p => p.Name == "output.source");
        Assert.Equal((3.0, "normal"), (source.Value, source.Text));
        Assert.Equal(("°C", "Good"), devices.Single(d => d.Id == "env-1").Points.Single(p => p.Name == "dew_point") is var dew ? (dew.Unit, dew.Quality) : default);
    }

    [Fact]
    public async Task ASignedInCookie_GetsTheDevices()
    {
        using var client = await SignInClient.ClientAsync(_factory, Roles.Operator);

        using var response = await client.GetAsync("/api/v1/devices");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Alarms_ListTheActiveOnes_ForTheKey()
    {
        using var client = await SignInClient.ClientAsync(_factory, null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", Key);
        _factory.Services.GetRequiredService<ISimulatorControl>().Start(SimulatorScenarios.DoorOpen, null);
        var alarms = _factory.Services.GetRequiredService<AlarmService>();
        await Eventually.TrueAsync(() => alarms.GetActive().Any(a => a.Key == "door_open"), "door alarm");

        var list = await client.GetFromJsonAsync<AlarmDto[]>("/api/v1/alarms");

        var door = Assert.Single(list!, a => a.Alarm == "door_open");
        Assert.Equal("Warning", door.Severity);
        Assert.Null(door.AcknowledgedBy);
    }

    [Fact]
    public async Task TheKey_OpensNothingElse()
    {
        using var client = await SignInClient.ClientAsync(_factory, null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", Key);

        using var simulator = await client.GetAsync("/api/v1/simulator/scenarios");
        using var access = await client.GetAsync("/api/access/occupancy");
        using var page = await client.GetAsync("/letters");

        Assert.Equal(HttpStatusCode.Unauthorized, simulator.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, access.StatusCode);
        Assert.Null(access.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }
}
