using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Tests.Monitoring.Alarms;
using DataCenterOps.Tests.Monitoring.Devices;

namespace DataCenterOps.Tests.Monitoring.Polling;

/// <summary>The "no valid data" rule in live state and alarms (three polls, as Monitoring:MissedPollsForCommLost).</summary>
public sealed class NoValidDataRuleTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly AlarmHarness _h = new(TestDevices.Ups());

    public Task InitializeAsync() => _h.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public void ADeviceAlternatingSilenceAndNonsense_IsNoValidData_NeverCommLost()
    {
        Good();
        Nonsense();
        _h.Miss("ups-1", Interval);
        Nonsense();
        _h.Miss("ups-1", Interval);

        var status = _h.LiveState.GetDevice("ups-1")!.Status;
        Assert.True(status.IsNoValidData);
        Assert.False(status.IsCommLost);
        Assert.False(status.IsUp);
        Assert.NotNull(_h.Active("ups-1", AlarmKeys.NoValidData));
        Assert.Null(_h.Active("ups-1", AlarmKeys.CommLost));
    }

    [Fact]
    public void AUsableKeyPoint_EndsNoValidData_AndClearsItsAlarm()
    {
        Nonsense();
        Nonsense();
        Nonsense();
        Assert.NotNull(_h.Active("ups-1", AlarmKeys.NoValidData));

        Good();

        Assert.True(_h.LiveState.GetDevice("ups-1")!.Status.IsUp);
        Assert.Null(_h.Active("ups-1", AlarmKeys.NoValidData));
    }

    [Fact]
    public void TwoPollsOfNonsense_AreNotYetNoValidData()
    {
        Good();
        Nonsense();
        Nonsense();

        Assert.False(_h.LiveState.GetDevice("ups-1")!.Status.IsNoValidData);
        Assert.Null(_h.Active("ups-1", AlarmKeys.NoValidData));
    }

    [Fact]
    public void ASilentDevice_IsCommLost_NotNoValidData()
    {
        Good();
        _h.Miss("ups-1", Interval);
        _h.Miss("ups-1", Interval);
        _h.Miss("ups-1", Interval);

        Assert.True(_h.LiveState.GetDevice("ups-1")!.Status.IsCommLost);
        Assert.False(_h.LiveState.GetDevice("ups-1")!.Status.IsNoValidData);
        Assert.NotNull(_h.Active("ups-1", AlarmKeys.CommLost));
        Assert.Null(_h.Active("ups-1", AlarmKeys.NoValidData));
    }

    [Fact]
    public void OnBattery_IsRaisedByStateName_SoAPowerNetCodeCounts()
    {
        // PowerNet's upsBasicOutputStatus onBattery is 3, which is UPS-MIB's "normal": the state name decides.
        _h.Poll("ups-1", Interval, new PointReading("output.source", 3, "battery", "", PointQuality.Good));

        Assert.NotNull(_h.Active("ups-1", AlarmKeys.UpsOnBattery));
    }

    private void Good() => _h.Poll("ups-1", Interval, TestDevices.Good("battery.charge", 100, "%"), TestDevices.Good("output.source", 3));

    // What the poller passes on for a reply of text values: every point not available.
    private void Nonsense()
    {
        _h.Time.Advance(Interval);
        _h.LiveState.ApplySuccess("ups-1",
            [new PointReading("battery.charge", null, null, "%", PointQuality.NotAvailable), new PointReading("output.source", null, null, "", PointQuality.NotAvailable)],
            _h.Time.GetUtcNow(), TimeSpan.FromMilliseconds(5), hasValidData: false, pollsForNoValidData: 3);
    }
}
