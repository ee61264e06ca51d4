using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Tests.Monitoring.Devices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Monitoring.LiveState;

public sealed class LiveStateStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Subscribers_HearEveryPoll_WithOnlyTheChangedPoints_UntilTheyDispose()
    {
        var store = Store();
        var heard = new List<LiveStateChange>();
        var subscription = store.Subscribe(heard.Add);

        store.ApplySuccess("env-1", [TestDevices.Good("temperature", 22, "°C"), TestDevices.Good("door", 0)], T0, TimeSpan.FromMilliseconds(3));
        store.ApplySuccess("env-1", [TestDevices.Good("temperature", 22.5, "°C"), TestDevices.Good("door", 0)], T0.AddSeconds(5), TimeSpan.FromMilliseconds(3));
        subscription.Dispose();
        store.ApplySuccess("env-1", [TestDevices.Good("temperature", 23, "°C"), TestDevices.Good("door", 0)], T0.AddSeconds(10), TimeSpan.FromMilliseconds(3));

        Assert.Equal(2, heard.Count);
        Assert.True(heard[0].StatusChanged);
        Assert.Equal(["temperature", "door"], heard[0].ChangedPoints.Select(p => p.Point));
        Assert.Equal(["temperature"], heard[1].ChangedPoints.Select(p => p.Point));
        Assert.Equal(23, store.GetPoint("env-1", "temperature")!.Value);
    }

    [Fact]
    public void AMissedPoll_KeepsValuesAsStale_WithTheirOriginalTime_AndCountsTowardsCommLost()
    {
        var store = Store();
        store.ApplySuccess("env-1", [TestDevices.Good("temperature", 22, "°C")], T0, TimeSpan.Zero);

        store.ApplyMiss("env-1", T0.AddSeconds(5), TimeSpan.FromSeconds(1), "Timed out", missedPollsForCommLost: 2);
        var once = store.GetDevice("env-1")!;
        store.ApplyMiss("env-1", T0.AddSeconds(10), TimeSpan.FromSeconds(1), "Timed out", missedPollsForCommLost: 2);
        var twice = store.GetDevice("env-1")!;

        Assert.Equal((22.0, PointQuality.Stale, T0), (once.Find("temperature")!.Value!.Value, once.Find("temperature")!.Quality, once.Find("temperature")!.Timestamp));
        Assert.Null(once.LiveValue("temperature"));
        Assert.False(once.Status.IsCommLost);
        Assert.True(once.Status.IsUp);
        Assert.True(twice.Status.IsCommLost);
        Assert.False(twice.Status.IsUp);
        Assert.Equal(("Timed out", T0, 2L), (twice.Status.LastError, twice.Status.LastSuccess!.Value, twice.Status.FailedPolls));
    }

    [Fact]
    public void AFailingSubscriber_DoesNotStopTheOthers()
    {
        var store = Store();
        var heard = 0;
        using var bad = store.Subscribe(_ => throw new InvalidOperationException("boom"));
        using var good = store.Subscribe(_ => heard++);

        store.ApplySuccess("env-1", [TestDevices.Good("temperature", 22, "°C")], T0, TimeSpan.Zero);

        Assert.Equal(1, heard);
    }

    private static LiveStateStore Store() =>
        new(Options.Create(new MonitoringOptions { Devices = [TestDevices.Environment()] }), NullLogger<LiveStateStore>.Instance);
}
