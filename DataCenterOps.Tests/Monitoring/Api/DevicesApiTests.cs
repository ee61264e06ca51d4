using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using DataCenterOps.Monitoring.Api;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Tests.Monitoring.Polling;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Api;

public sealed class DevicesApiTests : IAsyncLifetime
{
    private const string Key = "k3y-for-machines";
    private SimulatedRoomHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SimulatedRoomHost.StartAsync(new Dictionary<string, string?> { ["Api:ApiKey"] = Key });
        await _host.WaitAllUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("api/v1/devices")]
    [InlineData("api/v1/alarms")]
    public async Task Anonymous_IsRefusedWith401(string path)
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Authorization", "Bearer wrong")]
    [InlineData("X-Api-Key", "wrong")]
    [InlineData("Authorization", "Basic " + Key)]
    public async Task AWrongKey_IsRefusedWith401(string header, string value)
    {
        using var client = _host.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);

        using var response = await client.GetAsync(new Uri("api/v1/devices", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Authorization", "Bearer " + Key)]
    [InlineData("X-Api-Key", Key)]
    [InlineData(TestAuthHandler.Header, "rina")]
    public async Task ASignedInUserOrTheApiKey_GetsEveryDeviceWithItsPoints(string header, string value)
    {
        using var client = _host.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);

        var devices = await client.GetFromJsonAsync<DeviceDto[]>(new Uri("api/v1/devices", UriKind.Relative));

        Assert.NotNull(devices);
        Assert.Equal(SimulatedRoomHost.DeviceIds, devices.Select(d => d.Id));
        Assert.All(devices, d => Assert.True(d.Up, d.Id));
        var ups = devices.Single(d => d.Id == "ups-1");
        Assert.Equal("Ups", ups.Kind);
        var charge = ups.Points.Single(p => p.Name == "battery.charge");
        Assert.Equal(("%", "Good"), (charge.Unit, charge.Quality));
        Assert.InRange(charge.Value!.Value, 0, 100);
        Assert.True(charge.Timestamp > DateTimeOffset.UtcNow.AddMinutes(-5));
        var source = ups.Points.Single(p => p.Name == "output.source");
        Assert.Equal((3.0, "normal"), (source.Value, source.Text));
        var voltage = ups.Points.Single(p => p.Name == "battery.voltage");
        Assert.Equal("V", voltage.Unit);
        Assert.InRange(voltage.Value!.Value, 20, 600);
        var dewPoint = devices.Single(d => d.Id == "env-1").Points.Single(p => p.Name == "dew_point");
        Assert.Equal(("°C", "Good"), (dewPoint.Unit, dewPoint.Quality));
    }

    [Fact]
    public async Task Alarms_ListTheActiveOnes()
    {
        using var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        _host.Simulator.Start(SimulatorScenarios.DoorOpen);
        AlarmDto[]? alarms = null;
        await Eventually.TrueAsync(() => _host.Alarms.GetActive().Any(a => a.Key == "door_open"), "door alarm");
        alarms = await client.GetFromJsonAsync<AlarmDto[]>(new Uri("api/v1/alarms", UriKind.Relative));

        var door = Assert.Single(alarms!, a => a.Alarm == "door_open");
        Assert.Equal("Warning", door.Severity);
        Assert.Null(door.AcknowledgedBy);
    }
}
