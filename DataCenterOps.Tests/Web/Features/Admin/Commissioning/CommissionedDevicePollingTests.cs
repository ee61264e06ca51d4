using System.Globalization;
using System.Net.Http.Headers;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.People;
using DataCenterOps.Monitoring.Commissioning;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Monitoring.Snmp;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Admin.Commissioning;

/// <summary>
/// The real app with its simulated room: a device probed with the probe's code and saved as a commissioned device is
/// polled without a restart (live state, /metrics, /api) and dropped from all of them when it is removed; its
/// SNMPv3 passwords never appear in /metrics or /api.
/// </summary>
public sealed class CommissionedDevicePollingTests : IAsyncLifetime
{
    private const string ApiKey = "commission-test-key-0123456789";
    private const string DeviceId = "ups-commissioned";
    private const string AuthPassword = "demo-auth-not-secret";
    private const string PrivPassword = "demo-priv-not-secret";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly WebAppFactory _factory = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory.ExtraSettings["Api:ApiKey"] = ApiKey;
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task ASavedDevice_IsPolledWithoutRestart_AndRemovingItStopsPollingAndDropsItFromMetricsAndApi()
    {
        var device = ProbeAddress.Parse("snmp://127.0.0.1:" + _factory.SimulatorSnmpPort.ToString(CultureInfo.InvariantCulture));
        device.SnmpVersion = SnmpVersion.V3;
        (device.V3User, device.V3AuthProtocol, device.V3AuthPassword) = ("dcops-sim", "SHA-256", AuthPassword);
        (device.V3PrivProtocol, device.V3PrivPassword, device.V3Context) = ("AES", PrivPassword, "ups-2");
        device.TimeoutSeconds = 2;
        var report = await _factory.Services.GetRequiredService<DeviceProbe>().ProbeAsync(device, null, null, CancellationToken.None);
        Assert.Equal(("ups-rfc1628", ProbeProfileChoice.SysObjectId), (report.Profile, report.Choice));
        Assert.Equal(0, report.Implausible);

        var liveState = _factory.Services.GetRequiredService<LiveStateStore>();
        Assert.Null(liveState.GetDevice(DeviceId));
        var admin = new Actor("test-admin", [Roles.Administrator]);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommissionedDeviceService>().AddAsync(admin, new CommissionedDeviceInput(
                DeviceId, "Commissioned UPS", "Ups", "Snmp", "127.0.0.1", _factory.SimulatorSnmpPort, "ups-rfc1628", 0.5, "V3", null,
                "dcops-sim", "SHA-256", AuthPassword, "AES", PrivPassword, "ups-2", null));
        }

        await UntilAsync(() => liveState.GetDevice(DeviceId) is { Status.SuccessfulPolls: > 1 });
        var snapshot = liveState.GetDevice(DeviceId)!;
        Assert.False(snapshot.Status.IsCommLost);
        Assert.NotNull(snapshot.LiveValue("battery.charge"));
        var metrics = await _client.GetStringAsync("/metrics");
        var api = await _client.GetStringAsync("/api/v1/devices");
        Assert.Contains($"device=\"{DeviceId}\"", metrics, StringComparison.Ordinal);
        Assert.Contains(DeviceId, api, StringComparison.Ordinal);
        foreach (var secret in new[] { AuthPassword, PrivPassword })
        {
            Assert.DoesNotContain(secret, metrics, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, api, StringComparison.Ordinal);
        }

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var id = (await scope.ServiceProvider.GetRequiredService<CommissionedDeviceQueries>().ListAsync()).Single(d => d.DeviceId == DeviceId).Id;
            await scope.ServiceProvider.GetRequiredService<CommissionedDeviceService>().RemoveAsync(admin, id);
        }

        await UntilAsync(() => liveState.GetDevice(DeviceId) is null);
        Assert.DoesNotContain($"device=\"{DeviceId}\"", await _client.GetStringAsync("/metrics"), StringComparison.Ordinal);
        Assert.DoesNotContain(DeviceId, await _client.GetStringAsync("/api/v1/devices"), StringComparison.Ordinal);
        Assert.NotNull(liveState.GetDevice("ups-1")); // the configured devices carry on
    }

    [Fact]
    public async Task ASavedScaleOverride_IsAppliedByThePoller_ToThatPointOnly()
    {
        // The simulated ups-2 sends upsBatteryVoltage in tenths (the profile's scale 0.1); an override of 1 reads it ten times larger.
        const string Scaled = "ups-2-scaled";
        var admin = new Actor("test-admin", [Roles.Administrator]);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommissionedDeviceService>().AddAsync(admin, new CommissionedDeviceInput(
                Scaled, "ups-2 with a scale override", "Ups", "Snmp", "127.0.0.1", _factory.SimulatorSnmpPort, "ups-rfc1628", 0.5, "V2c", "ups-2",
                null, null, null, null, null, null, null, new Dictionary<string, double> { ["battery.voltage"] = 1.0 }));
        }

        var liveState = _factory.Services.GetRequiredService<LiveStateStore>();
        await UntilAsync(() => liveState.GetDevice(Scaled) is { Status.SuccessfulPolls: > 1 } && liveState.GetDevice("ups-2") is { Status.SuccessfulPolls: > 0 });

        // On mains with a full battery the simulated string floats at a steady 218.4 V, so both reads see the same raw value.
        var room = _factory.Services.GetRequiredService<SimulatedRoom>();
        Assert.Equal(218.4, room.GetValue("ups-2", "battery.voltage"), 6);
        Assert.Equal(2184, liveState.GetDevice(Scaled)!.LiveValue("battery.voltage")!.Value, 6);
        Assert.Equal(218.4, liveState.GetDevice("ups-2")!.LiveValue("battery.voltage")!.Value, 6);
        Assert.Equal(room.GetValue("ups-2", "battery.charge"), liveState.GetDevice(Scaled)!.LiveValue("battery.charge")!.Value, 6);
    }

    // Waits for the poller's background work (not a speed assertion: generous, and it fails with what was seen).
    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The poller did not pick the change up.");
            await Task.Delay(100);
        }
    }
}
