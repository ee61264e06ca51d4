using DataCenterOps.Monitoring.Commissioning;
using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Tests.Monitoring.Commissioning;

/// <summary>The plausibility table catches the ×10 scaling errors UPS cards are known for, and leaves real values alone.</summary>
public sealed class PlausibleRangesTests
{
    private static readonly DeviceProfile Ups = ProfileCatalog.Load().Get("ups-rfc1628");
    private static readonly DeviceProfile Genset = ProfileCatalog.Load().Get("genset-dse-gencomm");

    [Fact]
    public void ABatteryOf2716Volts_IsImplausible_WithTheScaleHint()
    {
        var check = PlausibleRanges.Check(Ups.GetPoint("battery.voltage"), 2716);

        Assert.Equal("IMPLAUSIBLE: outside 0…1000 V, check the scale (×10?): ScaleOverrides \"battery.voltage\": 0.01", check);
    }

    [Fact]
    public void AFrequencyTenTimesTooSmall_SuggestsTheOtherWay()
    {
        var check = PlausibleRanges.Check(Ups.GetPoint("input.frequency"), 5);

        Assert.Equal("IMPLAUSIBLE: outside 40…70 Hz, check the scale (÷10?): ScaleOverrides \"input.frequency\": 1", check);
    }

    [Theory]
    [InlineData("ups", "input.frequency", 0)]        // mains failed
    [InlineData("ups", "input.frequency", 50)]
    [InlineData("ups", "battery.temperature", 25)]
    [InlineData("ups", "output.load", 100)]
    [InlineData("ups", "alarms.present", 3)]         // no unit: nothing to check
    [InlineData("genset", "coolant.temperature", 92)] // a running engine, above a room's range
    [InlineData("genset", "engine.run_hours", 1234.5)]
    public void RealValues_ArePlausible(string profile, string point, double value) =>
        Assert.Null(PlausibleRanges.Check((profile == "ups" ? Ups : Genset).GetPoint(point), value));

    [Theory]
    [InlineData("battery.temperature", 250)]
    [InlineData("output.load", 380)]
    [InlineData("battery.charge", -1)]
    public void ValuesOutsideTheRange_AreImplausible(string point, double value) =>
        Assert.StartsWith("IMPLAUSIBLE: outside", PlausibleRanges.Check(Ups.GetPoint(point), value), StringComparison.Ordinal);

    [Fact]
    public void AnEnumeratedCodeWithoutAState_IsImplausible()
    {
        Assert.Equal("IMPLAUSIBLE: code 9 is not a known state", PlausibleRanges.Check(Ups.GetPoint("output.source"), 9));
        Assert.Null(PlausibleRanges.Check(Ups.GetPoint("output.source"), 5));
    }
}
