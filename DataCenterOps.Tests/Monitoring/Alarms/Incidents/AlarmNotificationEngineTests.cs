using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Alarms.Incidents;

namespace DataCenterOps.Tests.Monitoring.Alarms.Incidents;

public sealed class AlarmNotificationEngineTests
{
    [Fact]
    public void MainsFailure_IsOneIncident_OpenedOnce_AndResolvedOnce()
    {
        var h = new EngineHarness();
        h.Raise("genset-1", AlarmKeys.MainsFailed);
        h.Advance(TimeSpan.FromSeconds(5));
        h.Raise("ups-1", AlarmKeys.UpsOnBattery);
        h.Raise("ups-2", AlarmKeys.UpsOnBattery);
        h.Advance(TimeSpan.FromSeconds(30));
        h.Raise("genset-1", AlarmKeys.GensetFailToStart);
        h.Raise("ups-1", AlarmKeys.UpsBatteryLow, AlarmSeverity.Warning);

        var opened = Assert.Single(h.Notices);
        Assert.Equal(AlarmNoticeKind.IncidentOpened, opened.Kind);
        Assert.Equal("power.mains_failure", opened.Incident!.Rule);
        Assert.Equal(AlarmKeys.MainsFailed, opened.Alarm.Key);
        var incident = Assert.Single(h.Engine.OpenIncidents());
        Assert.Equal(5, incident.Alarms.Count);
        Assert.All(h.Engine.Pushable(), a => Assert.Equal(incident.Id, h.Engine.FlagsOf(a).IncidentId));

        h.Acknowledge("genset-1", AlarmKeys.MainsFailed, "operator@dcops.local");
        h.Time.SetUtcNow(incident.OpenedAt + TimeSpan.FromMinutes(12));
        foreach (var (device, key) in new[] { ("ups-1", AlarmKeys.UpsBatteryLow), ("genset-1", AlarmKeys.GensetFailToStart), ("ups-2", AlarmKeys.UpsOnBattery), ("ups-1", AlarmKeys.UpsOnBattery), ("genset-1", AlarmKeys.MainsFailed) })
        {
            h.Clear(device, key);
        }

        Assert.Equal(2, h.Notices.Count);
        var resolved = h.Notices[1];
        Assert.Equal(AlarmNoticeKind.IncidentResolved, resolved.Kind);
        Assert.Equal(TimeSpan.FromMinutes(12), resolved.Incident!.Duration);
        Assert.Equal(5, resolved.Alarms.Count);
        Assert.All(resolved.Alarms, a => Assert.True(a.IsCleared));
        Assert.Empty(h.Engine.OpenIncidents());
    }

    [Fact]
    public void Incident_IsNotResolvedAgain_AndRecoveryCanBeSwitchedOff()
    {
        var h = new EngineHarness(new AlarmNotificationOptions { SendRecovery = false });
        h.Raise("ups-1", AlarmKeys.UpsOnBattery);
        h.Raise("env-1", AlarmKeys.ThresholdHigh("temperature"), AlarmSeverity.Warning);
        h.Clear("ups-1", AlarmKeys.UpsOnBattery);
        h.Clear("env-1", AlarmKeys.ThresholdHigh("temperature"));

        Assert.Equal([AlarmNoticeKind.IncidentOpened, AlarmNoticeKind.Raised], h.Notices.Select(n => n.Kind));
    }

    [Fact]
    public void AlarmOutsideAnyIncident_IsRaisedAndCleared_OnItsOwn()
    {
        var h = new EngineHarness();
        h.Raise("env-1", AlarmKeys.WaterLeak);
        h.Clear("env-1", AlarmKeys.WaterLeak);

        Assert.Equal([AlarmNoticeKind.Raised, AlarmNoticeKind.Cleared], h.Notices.Select(n => n.Kind));
    }

    [Fact]
    public void CommLostDevice_PointAlarms_AreSuppressed_NotNotified_NorEscalated()
    {
        var h = new EngineHarness();
        var threshold = h.Raise("env-1", AlarmKeys.ThresholdHigh("humidity"), AlarmSeverity.Warning);
        h.Raise("env-1", AlarmKeys.CommLost);
        var whileLost = h.Raise("env-1", AlarmKeys.SensorFault("temperature"), AlarmSeverity.Warning);

        Assert.True(h.Engine.FlagsOf(h.Active("env-1", threshold.Key)).Suppressed);
        Assert.True(h.Engine.FlagsOf(whileLost).Suppressed);
        Assert.Equal([AlarmKeys.CommLost], h.Engine.Pushable().Select(a => a.Key));

        h.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(
            [(AlarmNoticeKind.Raised, threshold.Key), (AlarmNoticeKind.Raised, AlarmKeys.CommLost), (AlarmNoticeKind.Escalated, AlarmKeys.CommLost)],
            h.Notices.Select(n => (n.Kind, n.Alarm.Key)));
    }

    [Fact]
    public void SuppressedAlarm_StillThereWhenTheDeviceAnswersAgain_IsNotifiedThen()
    {
        var h = new EngineHarness();
        h.Raise("env-1", AlarmKeys.CommLost);
        h.Raise("env-1", AlarmKeys.SensorFault("temperature"), AlarmSeverity.Warning);
        h.Clear("env-1", AlarmKeys.CommLost);

        Assert.Equal(
            [(AlarmNoticeKind.Raised, AlarmKeys.CommLost), (AlarmNoticeKind.Raised, AlarmKeys.SensorFault("temperature")), (AlarmNoticeKind.Cleared, AlarmKeys.CommLost)],
            h.Notices.Select(n => (n.Kind, n.Alarm.Key)));
    }

    [Fact]
    public void FlappingAlarm_IsNotifiedOnce_Badged_AndSettlesByItself()
    {
        var h = new EngineHarness(); // more than 4 changes in 10 minutes is flapping
        var key = AlarmKeys.DoorOpen;
        for (var i = 0; i < 5; i++)
        {
            h.Raise("env-1", key, AlarmSeverity.Warning);
            h.Advance(TimeSpan.FromSeconds(30));
            h.Clear("env-1", key);
            h.Advance(TimeSpan.FromSeconds(30));
        }

        var last = h.Raise("env-1", key, AlarmSeverity.Warning);

        Assert.Equal(1, h.Count(AlarmNoticeKind.Flapping));
        Assert.Equal(4, h.Count(AlarmNoticeKind.Raised) + h.Count(AlarmNoticeKind.Cleared)); // the four changes before it flapped
        Assert.True(h.Engine.FlagsOf(last).Flapping);
        var before = h.Notices.Count;

        h.Advance(TimeSpan.FromMinutes(9));
        Assert.True(h.Engine.FlagsOf(last).Flapping);
        Assert.Equal(before, h.Notices.Count);

        h.Advance(TimeSpan.FromMinutes(1));
        Assert.False(h.Engine.FlagsOf(last).Flapping);
        var settled = Assert.Single(h.Notices.Skip(before));
        Assert.Equal((AlarmNoticeKind.Raised, last.Id), (settled.Kind, settled.Alarm.Id)); // it stayed raised: said once
        Assert.Equal(0, h.Count(AlarmNoticeKind.Escalated));
    }

    [Fact]
    public void AlarmInMaintenance_IsShownMarked_NotNotified_NotEscalated_NotPushed()
    {
        var h = new EngineHarness();
        h.Windows.Open.Add(new MaintenanceWindow("crac-1", h.Time.GetUtcNow(), h.Time.GetUtcNow().AddHours(2), "Rencana Kerja: CRAC check"));
        var alarm = h.Raise("crac-1", AlarmKeys.CoolingAlarm("filter"), AlarmSeverity.Warning);

        Assert.True(h.Engine.FlagsOf(alarm).InMaintenance);
        Assert.Empty(h.Engine.Pushable());
        h.Advance(TimeSpan.FromMinutes(90));
        Assert.Empty(h.Notices);

        // The window ends with the alarm still there: now it is news, and its escalation clock runs from its raise.
        h.Advance(TimeSpan.FromMinutes(31));
        Assert.False(h.Engine.FlagsOf(alarm).InMaintenance);
        Assert.Equal([AlarmNoticeKind.IncidentOpened, AlarmNoticeKind.Escalated], h.Notices.Select(n => n.Kind));
    }

    [Fact]
    public void Escalation_RespectsAWindowOpenedAfterTheFirstMessage()
    {
        var h = new EngineHarness();
        h.Raise("env-1", AlarmKeys.WaterLeak);
        h.Advance(TimeSpan.FromMinutes(5));
        h.Windows.Open.Add(new MaintenanceWindow("env-1", h.Time.GetUtcNow(), null, "Pengawas: sensor replacement"));
        h.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal([AlarmNoticeKind.Raised], h.Notices.Select(n => n.Kind));
    }

    [Fact]
    public void Unacknowledged_IsEscalatedOnce_Acknowledged_IsNot()
    {
        var h = new EngineHarness();
        h.Raise("env-1", AlarmKeys.WaterLeak);
        h.Raise("fire-1", AlarmKeys.FireFault, AlarmSeverity.Warning);
        h.Acknowledge("fire-1", AlarmKeys.FireFault, "operator@dcops.local");
        h.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, h.Count(AlarmNoticeKind.Escalated));

        h.Advance(TimeSpan.FromMinutes(60));
        var escalated = Assert.Single(h.Notices, n => n.Kind == AlarmNoticeKind.Escalated);
        Assert.Equal(AlarmKeys.WaterLeak, escalated.Alarm.Key);
    }

    [Fact]
    public void Incident_WhoseOpenerIsUnderMaintenance_IsOpenedByTheFirstAlarmThatIsNot()
    {
        var h = new EngineHarness();
        h.Windows.Open.Add(new MaintenanceWindow("genset-1", h.Time.GetUtcNow(), null, "genset test on load"));
        h.Raise("genset-1", AlarmKeys.MainsFailed);
        Assert.Empty(h.Notices);

        h.Raise("ups-1", AlarmKeys.UpsOnBattery);
        var opened = Assert.Single(h.Notices);
        Assert.Equal(AlarmNoticeKind.IncidentOpened, opened.Kind);
        Assert.Equal(2, opened.Alarms.Count);
    }

    [Fact]
    public void ShippedRules_CoverPowerCoolingAndFire()
    {
        Assert.Equal(["power", "cooling", "fire"], IncidentRules.Shipped.Select(r => r.Category));
        var power = IncidentRules.Shipped[0];
        Assert.True(power.IsParent(AlarmKeys.MainsFailed));
        Assert.True(power.Groups(AlarmKeys.GensetAlarm("low_fuel_level")));
        Assert.False(power.Groups(AlarmKeys.WaterLeak));
        Assert.Throws<FormatException>(() => IncidentRules.Parse("""{"rules":[{"name":"x","category":"y","parents":[]}]}"""));
    }
}
