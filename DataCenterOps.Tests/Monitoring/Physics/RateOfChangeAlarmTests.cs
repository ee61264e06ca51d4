using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Physics;
using DataCenterOps.Tests.Monitoring.Alarms;
using DataCenterOps.Tests.Monitoring.Devices;

namespace DataCenterOps.Tests.Monitoring.Physics;

/// <summary>ASHRAE TC9.9's rate of change through the real evaluator and alarm service, on a fake clock.</summary>
public sealed class RateOfChangeAlarmTests
{
    private const string Key = AlarmKeys.TemperatureRateOfChange;
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ClimbOf25DegreesPerHour_RaisesTheRateWarning_WithTheRateInItsMessage()
    {
        await using var harness = new AlarmHarness(TestDevices.Environment());
        await harness.StartAsync();

        Climb(harness, degreesPerHour: 25, TimeSpan.FromMinutes(16));

        var alarm = harness.Active("env-1", Key);
        Assert.NotNull(alarm);
        Assert.Equal(AlarmSeverity.Warning, alarm.Severity);
        Assert.Equal(AlarmMessageKeys.TemperatureRateOfChange, alarm.MessageKey);
        Assert.Equal(25, double.Parse(alarm.MessageArguments![0], System.Globalization.CultureInfo.InvariantCulture), 0.5);
        Assert.Equal("20", alarm.MessageArguments[1]);
    }

    [Fact]
    public async Task ClimbOf15DegreesPerHour_RaisesNothing_WithoutTapeMedia()
    {
        await using var harness = new AlarmHarness(TestDevices.Environment());
        await harness.StartAsync();

        Climb(harness, degreesPerHour: 15, TimeSpan.FromMinutes(30));

        Assert.Null(harness.Active("env-1", Key));
    }

    [Fact]
    public async Task ClimbOf6DegreesPerHour_RaisesTheRateWarning_WhereTapeMediaIsKept()
    {
        await using var harness = new AlarmHarness(new RoomPhysicsOptions { HasTapeMedia = true }, TestDevices.Environment());
        await harness.StartAsync();

        Climb(harness, degreesPerHour: 6, TimeSpan.FromMinutes(16));

        Assert.NotNull(harness.Active("env-1", Key));
        Assert.Equal("5", harness.Active("env-1", Key)!.MessageArguments![1]);
    }

    [Fact]
    public async Task FastFall_AlsoRaises_AndTheAlarmClears_OnceTheRoomSettles()
    {
        await using var harness = new AlarmHarness(TestDevices.Environment());
        await harness.StartAsync();

        var last = Climb(harness, degreesPerHour: -30, TimeSpan.FromMinutes(16), start: 26);
        Assert.NotNull(harness.Active("env-1", Key));

        Climb(harness, degreesPerHour: 0, TimeSpan.FromMinutes(16), start: last);
        Assert.Null(harness.Active("env-1", Key));
        var history = await harness.Alarms.GetHistoryAsync(new AlarmHistoryFilter("env-1"), CancellationToken.None);
        Assert.Single(history, a => a.Key == Key && a.ClearedAt is not null);
    }

    [Fact]
    public async Task AFewMinutesOfFastClimb_DecideNothing_UntilTheWindowHasFilled()
    {
        await using var harness = new AlarmHarness(TestDevices.Environment());
        await harness.StartAsync();

        Climb(harness, degreesPerHour: 60, TimeSpan.FromMinutes(5));

        Assert.Null(harness.Active("env-1", Key));
    }

    // Polls every 5 s with the temperature moving at the given rate (and a little alternating noise); returns the last value.
    private static double Climb(AlarmHarness harness, double degreesPerHour, TimeSpan duration, double start = 22)
    {
        var value = start;
        var steps = (int)(duration / PollEvery);
        for (var i = 0; i < steps; i++)
        {
            value = start + (degreesPerHour * (i + 1) * PollEvery.TotalHours);
            var noise = i % 2 == 0 ? 0.05 : -0.05;
            harness.Poll("env-1", PollEvery, TestDevices.Good("temperature", value + noise, "°C"), TestDevices.Good("humidity", 45, "%"));
        }

        return value;
    }
}
