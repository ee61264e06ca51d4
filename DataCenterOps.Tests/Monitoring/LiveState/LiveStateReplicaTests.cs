using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Tests.Monitoring.Alarms;
using DataCenterOps.Tests.Monitoring.Devices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Monitoring.LiveState;

/// <summary>Another node's state applied to this node's live state (what the cluster listener does with a row).</summary>
public sealed class LiveStateReplicaTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReplicaOfADeviceNotKnownHere_AddsIt_WithoutAddressOrSecrets_AndIsAnnouncedAsAReplica()
    {
        var polling = Store(TestDevices.Environment());
        polling.ApplySuccess("env-1", [TestDevices.Good("temperature", 22.5, "°C"), TestDevices.Good("door", 1)], T0, TimeSpan.FromMilliseconds(3));
        var json = LiveStateRecord.From(polling.GetDevice("env-1")!).ToJson();
        var showing = Store();
        var heard = new List<LiveStateChange>();
        using var subscription = showing.Subscribe(heard.Add);

        var record = LiveStateRecord.Parse(json)!;
        Assert.True(showing.ApplyReplica(record.Describe("env-1"), record.Status, record.Points));

        var change = Assert.Single(heard);
        Assert.True(change.IsReplica);
        Assert.True(change.StatusChanged);
        Assert.Equal(["temperature", "door"], change.ChangedPoints.Select(p => p.Point));
        var device = Assert.Single(showing.GetDevices());
        Assert.Equal(("env-1", "Room sensor env-1", DeviceKind.Environment), (device.DeviceId, device.Name, device.Kind));
        Assert.Equal(22.5, device.LiveValue("temperature"));
        Assert.True(device.Status.IsUp);
        Assert.Null(device.Options.Community);
        Assert.Equal("", device.Options.Host);
        Assert.DoesNotContain("127.0.0.1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("community", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ReplicaOlderThanTheStateHeld_IsIgnored()
    {
        var polling = Store(TestDevices.Environment());
        polling.ApplySuccess("env-1", [TestDevices.Good("temperature", 22, "°C")], T0, TimeSpan.Zero);
        var older = polling.GetDevice("env-1")!;
        polling.ApplySuccess("env-1", [TestDevices.Good("temperature", 25, "°C")], T0.AddSeconds(5), TimeSpan.Zero);
        var newer = polling.GetDevice("env-1")!;
        var showing = Store();

        Assert.True(showing.ApplyReplica(older.Options, newer.Status, newer.Points));
        Assert.False(showing.ApplyReplica(older.Options, older.Status, older.Points));

        Assert.Equal(25, showing.GetDevice("env-1")!.LiveValue("temperature"));
    }

    [Fact]
    public async Task AlarmRules_LeaveReplicasToTheNodeThatPolled()
    {
        await using var harness = new AlarmHarness(TestDevices.Ups());
        await harness.StartAsync();
        var other = Store(TestDevices.Ups());
        other.ApplySuccess("ups-1", DataCenterOps.Monitoring.Polling.ComputedPoints.Add(DeviceKind.Ups, [TestDevices.Good("output.source", 5)]), harness.Time.GetUtcNow(), TimeSpan.Zero);
        var onBattery = other.GetDevice("ups-1")!;

        harness.LiveState.ApplyReplica(onBattery.Options, onBattery.Status, onBattery.Points);
        Assert.Null(harness.Active("ups-1", AlarmKeys.UpsOnBattery));
        harness.Poll("ups-1", TimeSpan.FromSeconds(5), TestDevices.Good("output.source", 5));

        Assert.NotNull(harness.Active("ups-1", AlarmKeys.UpsOnBattery));
    }

    private static LiveStateStore Store(params DeviceOptions[] devices) =>
        new(Options.Create(new MonitoringOptions { Devices = [.. devices] }), NullLogger<LiveStateStore>.Instance);
}
