using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Tests.Monitoring.Devices;

namespace DataCenterOps.Tests.Monitoring.Alarms;

public sealed class ThresholdAlarmTests
{
    private const string High = "threshold.temperature.high";
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task HighTemperature_IsRaisedOnlyAfterTheOnDelay_AndClearsOnlyPastTheHysteresis()
    {
        await using var harness = new AlarmHarness(Room(onDelaySeconds: 30, hysteresis: 1));
        await harness.StartAsync();

        harness.Poll("env-1", Second, Temp(26));
        harness.Poll("env-1", Second, Temp(28));
        harness.Poll("env-1", 20 * Second, Temp(28.5));
        Assert.Null(harness.Active("env-1", High));

        harness.Poll("env-1", 10 * Second, Temp(28));
        var raised = harness.Active("env-1", High);
        Assert.NotNull(raised);
        Assert.Equal(AlarmSeverity.Warning, raised.Severity);

        harness.Poll("env-1", Second, Temp(26.5));
        Assert.NotNull(harness.Active("env-1", High));

        harness.Poll("env-1", Second, Temp(25.9));
        Assert.Null(harness.Active("env-1", High));
    }

    [Fact]
    public async Task ShortExcursions_NeverRaise_WhenEachIsShorterThanTheOnDelay()
    {
        await using var harness = new AlarmHarness(Room(onDelaySeconds: 30, hysteresis: 1));
        await harness.StartAsync();

        for (var i = 0; i < 10; i++)
        {
            harness.Poll("env-1", 10 * Second, Temp(29));
            harness.Poll("env-1", 10 * Second, Temp(29));
            harness.Poll("env-1", 10 * Second, Temp(25));
        }

        Assert.Null(harness.Active("env-1", High));
        Assert.Empty(await harness.Alarms.GetHistoryAsync(new AlarmHistoryFilter("env-1"), CancellationToken.None));
    }

    [Fact]
    public async Task Severity_EscalatesAfterTheOnDelay_AndStepsBackDownPastTheHysteresis_AsOneAlarm()
    {
        await using var harness = new AlarmHarness(Room(onDelaySeconds: 10, hysteresis: 1));
        await harness.StartAsync();

        harness.Poll("env-1", Second, Temp(28));
        harness.Poll("env-1", 10 * Second, Temp(28));
        var warning = harness.Active("env-1", High)!;
        Assert.Equal(AlarmSeverity.Warning, warning.Severity);

        harness.Poll("env-1", Second, Temp(33));
        Assert.Equal(AlarmSeverity.Warning, harness.Active("env-1", High)!.Severity);
        harness.Poll("env-1", 10 * Second, Temp(33));
        Assert.Equal(AlarmSeverity.Critical, harness.Active("env-1", High)!.Severity);

        harness.Poll("env-1", Second, Temp(31.5));
        Assert.Equal(AlarmSeverity.Critical, harness.Active("env-1", High)!.Severity);
        harness.Poll("env-1", Second, Temp(30.9));
        var back = harness.Active("env-1", High)!;
        Assert.Equal(AlarmSeverity.Warning, back.Severity);
        Assert.Equal(warning.Id, back.Id);

        var events = await harness.Alarms.GetEventsAsync(warning.Id, CancellationToken.None);
        Assert.Equal([AlarmEventKind.Raised, AlarmEventKind.SeverityChanged, AlarmEventKind.SeverityChanged], events.Select(e => e.Kind));
    }

    [Fact]
    public async Task LowHumidity_UsesTheAshraeDefaults_WhenTheDeviceSetsNoThresholds()
    {
        var device = TestDevices.Environment();
        await using var harness = new AlarmHarness(device);
        await harness.StartAsync();

        harness.Poll("env-1", Second, Temp(22), TestDevices.Good("humidity", 5, "%"));
        harness.Poll("env-1", 31 * Second, Temp(22), TestDevices.Good("humidity", 5, "%"));

        Assert.Equal(AlarmSeverity.Critical, harness.Active("env-1", "threshold.humidity.low")!.Severity);
        Assert.Equal(AlarmSeverity.Warning, harness.Active("env-1", "threshold.dew_point.low")!.Severity);
        Assert.Null(harness.Active("env-1", High));
    }

    [Fact]
    public async Task ADeviceOverride_ReplacesOnlyTheFieldsItSets()
    {
        var device = TestDevices.Environment();
        device.Thresholds["temperature"] = new ThresholdOptions { HighWarning = 24, OnDelaySeconds = 0 };
        await using var harness = new AlarmHarness(device);
        await harness.StartAsync();

        harness.Poll("env-1", Second, Temp(25), TestDevices.Good("humidity", 40, "%"));
        Assert.Equal(AlarmSeverity.Warning, harness.Active("env-1", High)!.Severity);

        harness.Poll("env-1", Second, Temp(33), TestDevices.Good("humidity", 40, "%"));
        Assert.Equal(AlarmSeverity.Critical, harness.Active("env-1", High)!.Severity);
    }

    [Fact]
    public async Task AStaleValue_NeitherRaisesNorClears()
    {
        await using var harness = new AlarmHarness(Room(onDelaySeconds: 0, hysteresis: 0.5));
        await harness.StartAsync();
        harness.Poll("env-1", Second, Temp(29));
        Assert.NotNull(harness.Active("env-1", High));

        harness.Miss("env-1", 5 * Second);
        harness.Poll("env-1", Second, new PointReading("temperature", null, null, "°C", PointQuality.NotAvailable));

        Assert.NotNull(harness.Active("env-1", High));
    }

    private static PointReading Temp(double celsius) => TestDevices.Good("temperature", celsius, "°C");

    private static DeviceOptions Room(double onDelaySeconds, double hysteresis)
    {
        var device = TestDevices.Environment();
        device.Thresholds["temperature"] = new ThresholdOptions
        {
            LowCritical = 15,
            LowWarning = 18,
            HighWarning = 27,
            HighCritical = 32,
            Hysteresis = hysteresis,
            OnDelaySeconds = onDelaySeconds,
        };
        return device;
    }
}
