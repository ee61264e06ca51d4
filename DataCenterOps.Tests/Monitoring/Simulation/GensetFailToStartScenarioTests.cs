using DataCenterOps.Monitoring.Simulation;

namespace DataCenterOps.Tests.Monitoring.Simulation;

/// <summary>The genset-fail-to-start drill: mains fails, the genset cranks and locks out, and the UPS batteries run down in minutes.</summary>
public sealed class GensetFailToStartScenarioTests
{
    [Fact]
    public void GensetCranks_ThenLocksOutWithTheFailToStartShutdown_AndMainsStaysFailed()
    {
        var h = new RoomHarness();

        h.Room.Start(SimulatorScenarios.GensetFailToStart);
        h.Run(GensetModel.MainsFailDelay + 1);
        Assert.Equal(1, h["genset-1", "engine.state"]); // pre-start: cranking
        h.Run(GensetModel.PreStartTime + GensetModel.CrankTime);

        Assert.Equal(0, h["genset-1", "engine.state"]);
        Assert.Equal(0, h["genset-1", "engine.speed"]);
        Assert.Equal(3, h["genset-1", "alarm.fail_to_start"]); // GenComm shutdown alarm
        Assert.Equal(0, h["genset-1", "mains.voltage.l1"]);
        Assert.Equal(5, h["ups-1", "output.source"]);
        h.Run(60);
        Assert.Equal(0, h["genset-1", "engine.state"]); // locked out: no second attempt
    }

    [Fact]
    public void UpsBatteries_RunLowThenDepleted_InMinutes_WithRuntimeFalling()
    {
        var h = new RoomHarness(new SimulatorOptions { GensetFailToStartDrainFactor = 10 });
        h.Room.Start(SimulatorScenarios.GensetFailToStart);
        var minutes = new List<double>();
        var lowAt = TimeSpan.Zero;
        var depletedAt = TimeSpan.Zero;

        for (var t = TimeSpan.FromSeconds(10); t <= TimeSpan.FromMinutes(10) && depletedAt == TimeSpan.Zero; t += TimeSpan.FromSeconds(10))
        {
            h.Run(10);
            minutes.Add(h["ups-1", "battery.minutes_remaining"]);
            if (lowAt == TimeSpan.Zero && h.State("ups-1", "battery.status") == "low")
            {
                lowAt = t;
                Assert.Equal(5, h["ups-1", "output.source"]); // still carrying the load
                Assert.True(h["ups-1", "battery.minutes_remaining"] <= 5);
            }

            if (h.State("ups-1", "battery.status") == "depleted")
            {
                depletedAt = t;
            }
        }

        // About 26 minutes of runtime at 38 % load, ten times faster: low after about 2 minutes, empty after about 2.6.
        Assert.InRange(lowAt, TimeSpan.FromMinutes(1.5), TimeSpan.FromMinutes(2.5));
        Assert.InRange(depletedAt, lowAt, TimeSpan.FromMinutes(3.5));
        Assert.Equal(minutes.OrderDescending(), minutes);
        Assert.Equal(0, h["ups-1", "battery.charge"]);
        Assert.Equal(2, h["ups-1", "output.source"]); // none: the load is dropped
        Assert.Equal(0, h["ups-1", "output.voltage"]);
    }

    [Fact]
    public void Stop_BringsMainsBack_ClearsTheLockOut_AndTheUpsRecharges()
    {
        var h = new RoomHarness();
        h.Room.Start(SimulatorScenarios.GensetFailToStart);
        h.Run(60);
        var charge = h["ups-1", "battery.charge"];

        h.Room.Stop(SimulatorScenarios.GensetFailToStart);
        h.Run(600);

        Assert.Equal(1, h["genset-1", "alarm.fail_to_start"]);
        Assert.Equal(3, h["ups-1", "output.source"]);
        Assert.True(h["ups-1", "battery.charge"] > charge);
        Assert.Equal("normal", h.State("ups-1", "battery.status"));
    }
}
