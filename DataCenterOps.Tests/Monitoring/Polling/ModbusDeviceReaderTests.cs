using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Tests.Monitoring.Modbus;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataCenterOps.Tests.Monitoring.Polling;

/// <summary>The Modbus reader with the shipped GenComm profile against a real pymodbus server holding known values.</summary>
public sealed class ModbusDeviceReaderTests(PymodbusServerFixture pymodbus) : IClassFixture<PymodbusServerFixture>
{
    [Fact]
    public async Task GensetPoints_AreReadInThePlannedBlocks_AndDecodedWithTheirQuality()
    {
        var catalog = ProfileCatalog.Load();
        await using var reader = new ModbusDeviceReader(catalog, TimeProvider.System, NullLoggerFactory.Instance);

        var result = await reader.ReadAsync(Genset(), CancellationToken.None);

        var profile = catalog.Get("genset-dse-gencomm");
        Assert.Equal(profile.Points.Select(p => p.Name), result.Points.Select(p => p.Point));
        var planned = ModbusReadPlanner.Plan(profile.Points.Select(p => new ModbusPointSpec(p.Table!.Value, p.Address!.Value, p.DataType!.Value, p.WordOrder, p.Scale, p.Offset, (byte)p.BitShift, (byte)p.BitWidth, p.GenCommSentinels)));
        Assert.Equal(planned.Count, result.Requests);
        Assert.True(result.Requests < profile.Points.Count / 2);

        var points = result.Points.ToDictionary(p => p.Point);
        Assert.Equal((1.0, "auto"), (points["control.mode"].Value, points["control.mode"].Text));
        Assert.Equal((-12.0, "°C"), (points["coolant.temperature"].Value, points["coolant.temperature"].Unit));
        Assert.Equal(27.1, points["battery.voltage"].Value!.Value, 6);
        Assert.Equal(230.1, points["generator.voltage.l1"].Value!.Value, 6);
        Assert.Equal((3.0, "running"), (points["engine.state"].Value, points["engine.state"].Text));
        Assert.Equal(123456 / 3600.0, points["engine.run_hours"].Value!.Value, 6);
        Assert.Equal(2, points["alarm.low_oil_pressure"].Value);
        Assert.Equal(3, points["alarm.high_coolant_temperature"].Value);
        Assert.Equal(PointQuality.NotAvailable, points["alarm.fail_to_start"].Quality);
    }

    [Fact]
    public async Task NoServer_FailsThePoll_AndTheNextPollReconnects()
    {
        await using var reader = new ModbusDeviceReader(ProfileCatalog.Load(), TimeProvider.System, NullLoggerFactory.Instance);
        var dead = Genset();
        dead.Id = "genset-dead";
        dead.Port = FreePorts.Tcp();

        await Assert.ThrowsAnyAsync<ModbusException>(() => reader.ReadAsync(dead, CancellationToken.None));

        var alive = await reader.ReadAsync(Genset(), CancellationToken.None);
        Assert.Contains(alive.Points, p => p.Quality == PointQuality.Good);
    }

    private DeviceOptions Genset() => new()
    {
        Id = "genset-1",
        Name = "Genset",
        Kind = DeviceKind.Genset,
        Protocol = DeviceProtocol.ModbusTcp,
        Host = "127.0.0.1",
        Port = pymodbus.Port,
        UnitId = 1,
        Profile = "genset-dse-gencomm",
        IntervalSeconds = 5,
        TimeoutSeconds = 5,
    };
}
