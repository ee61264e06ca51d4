using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.LiveState;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Tests.Monitoring.Devices;

namespace DataCenterOps.Tests.Monitoring.LiveState;

public sealed class DewPointTests
{
    [Theory]
    [InlineData(25, 60, 16.7)]
    [InlineData(20, 50, 9.3)]
    [InlineData(30, 80, 26.2)]
    [InlineData(22, 45, 9.5)]
    [InlineData(0, 100, 0.0)]
    [InlineData(-10, 70, -14.4)]
    public void Compute_MatchesPublishedDewPoints(double celsius, double humidity, double expected) =>
        Assert.Equal(expected, DewPoint.Compute(celsius, humidity)!.Value, 1);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(101)]
    public void Compute_GivesNothing_ForImpossibleHumidity(double humidity) =>
        Assert.Null(DewPoint.Compute(22, humidity));

    [Fact]
    public void EnvironmentReadings_GainADewPoint_InTheTemperatureUnit()
    {
        var readings = ComputedPoints.Add(DeviceKind.Environment, [TestDevices.Good("temperature", 25, "°C"), TestDevices.Good("humidity", 60, "%")]);

        var dewPoint = Assert.Single(readings, r => r.Point == "dew_point");
        Assert.Equal(16.69, dewPoint.Value);
        Assert.Equal("°C", dewPoint.Unit);
        Assert.Equal(PointQuality.Good, dewPoint.Quality);
    }

    [Fact]
    public void DewPoint_TakesTheInputsQuality_WhenAnInputIsNotGood()
    {
        var readings = ComputedPoints.Add(
            DeviceKind.Environment,
            [TestDevices.Good("temperature", 25, "°C"), new PointReading("humidity", null, null, "%", PointQuality.SensorFault)]);

        var dewPoint = Assert.Single(readings, r => r.Point == "dew_point");
        Assert.Null(dewPoint.Value);
        Assert.Equal(PointQuality.SensorFault, dewPoint.Quality);
    }

    [Fact]
    public void OtherKinds_GetNoComputedPoint() =>
        Assert.DoesNotContain(
            ComputedPoints.Add(DeviceKind.Cooling, [TestDevices.Good("temperature", 25, "°C"), TestDevices.Good("humidity", 60, "%")]),
            r => r.Point == "dew_point");
}
