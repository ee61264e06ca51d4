using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Polling;

namespace DataCenterOps.Tests.Monitoring.Polling;

public sealed class PollSlotsTests
{
    [Fact]
    public void For_GivesTenThousandDevicesAtTenSeconds_TheirTimeoutsWorthOfSlots()
    {
        // Default timeout: a third of the interval, at most 2 s → 10,000 × 2 s ÷ 10 s.
        var devices = Enumerable.Range(0, 10_000).Select(i => new DeviceOptions { Id = $"d{i}", IntervalSeconds = 10 });

        Assert.Equal(2_000, PollSlots.For(devices));
    }

    [Fact]
    public void For_CountsRetriesAndOwnTimeouts()
    {
        DeviceOptions[] devices =
        [
            .. Enumerable.Range(0, 100).Select(i => new DeviceOptions { Id = $"a{i}", IntervalSeconds = 1, TimeoutSeconds = 0.5, Retries = 1 }),
            .. Enumerable.Range(0, 100).Select(i => new DeviceOptions { Id = $"b{i}", IntervalSeconds = 60, TimeoutSeconds = 3 }),
        ];

        Assert.Equal(105, PollSlots.For(devices)); // 100 × 0.5 × 2 ÷ 1 + 100 × 3 ÷ 60
    }

    [Fact]
    public void For_NeverGivesFewerThanTheMinimum()
    {
        Assert.Equal(PollSlots.Minimum, PollSlots.For([new DeviceOptions { Id = "ups-1" }]));
        Assert.Equal(PollSlots.Minimum, PollSlots.For([]));
    }

    [Fact]
    public void FirstPollDelay_SpreadsALargeBatchEvenlyOverTheInterval()
    {
        var interval = TimeSpan.FromSeconds(10);

        var delays = Enumerable.Range(0, 10_000).Select(i => PollSlots.FirstPollDelay(i, 10_000, interval)).ToList();

        Assert.Equal(TimeSpan.Zero, delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(5), delays[5_000]);
        Assert.True(delays[^1] < interval);
        Assert.Equal(delays.Order(), delays);
        // Every second of the interval gets a tenth of the first polls.
        Assert.All(delays.GroupBy(d => (int)d.TotalSeconds), g => Assert.Equal(1_000, g.Count()));
    }

    [Fact]
    public void FirstPollDelay_KeepsASmallRoomsFirstPollsWithinMilliseconds()
    {
        var last = PollSlots.FirstPollDelay(10, 11, TimeSpan.FromSeconds(10));

        Assert.True(last <= TimeSpan.FromMilliseconds(11), $"{last}");
        Assert.Equal(TimeSpan.Zero, PollSlots.FirstPollDelay(0, 1, TimeSpan.FromSeconds(10)));
    }
}
