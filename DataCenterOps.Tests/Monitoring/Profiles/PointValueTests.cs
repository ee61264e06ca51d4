using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Tests.Monitoring.Profiles;

public sealed class PointValueTests
{
    private static readonly ProfileCatalog Catalog = ProfileCatalog.Load();

    [Fact]
    public void FromRaw_AppliesScaleAndOffset()
    {
        var point = new ProfilePoint { Name = "t", Scale = 0.1, Offset = -40, SnmpType = SnmpValueType.Integer };

        var value = PointValue.FromRaw(point, 655);

        Assert.Equal(655, value.Raw);
        Assert.Equal(25.5, value.Value, 9);
        Assert.Null(value.State);
    }

    [Fact]
    public void FromRaw_NamesTheStateOfAnEnumeratedPoint()
    {
        var source = Catalog.Get("ups-rfc1628").GetPoint("output.source");

        Assert.Equal("battery", PointValue.FromRaw(source, 5).State);
        Assert.Equal("normal", PointValue.FromRaw(source, 3).State);
        Assert.Null(PointValue.FromRaw(source, 42).State);
    }

    [Fact]
    public void WithScale_OverridesAVendorsWrongScaling_WithoutTouchingTheProfile()
    {
        var voltage = Catalog.Get("ups-rfc1628").GetPoint("battery.voltage");

        var fixedUp = voltage.WithScale(1);

        Assert.Equal(54, PointValue.FromRaw(fixedUp, 54).Value);
        Assert.Equal(5.4, PointValue.FromRaw(voltage, 54).Value, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => voltage.WithScale(0));
    }

    [Theory]
    [InlineData(ModbusDataType.UInt16, 0.1, 22.37, 224)]
    [InlineData(ModbusDataType.UInt16, 0.1, -5, 0)]
    [InlineData(ModbusDataType.Int16, 0.1, -5, -50)]
    [InlineData(ModbusDataType.UInt16, 1, 70000, 65535)]
    [InlineData(ModbusDataType.UInt32, 0.1, 230.04, 2300)]
    public void ToRaw_InvertsScaling_RoundedAndClampedToTheType(ModbusDataType type, double scale, double value, double expectedRaw)
    {
        var point = new ProfilePoint { Name = "p", Table = ModbusTable.HoldingRegisters, Address = 0, DataType = type, Scale = scale };

        Assert.Equal(expectedRaw, point.ToRaw(value));
    }

    [Fact]
    public void ToRaw_OfAGenCommBitField_StaysInsideTheField_BelowTheNotAvailableCode()
    {
        var alarm = Catalog.Get("genset-dse-gencomm").GetPoint("alarm.mains_failed");
        var plainFlag = Catalog.Get("fire-panel-modbus").GetPoint("zone.1.alarm");

        Assert.Equal(14, alarm.ToRaw(99));
        Assert.Equal(2, alarm.ToRaw(2));
        Assert.Equal(1, plainFlag.ToRaw(7));
    }

    [Fact]
    public void ToModbusSpec_CarriesTheWholeMap()
    {
        var spec = Catalog.Get("genset-dse-gencomm").GetPoint("alarm.emergency_stop").WithScale(2).ToModbusSpec();

        Assert.Equal(new ModbusPointSpec(ModbusTable.HoldingRegisters, 2049, ModbusDataType.Bits, ModbusWordOrder.HighWordFirst, 2, 0, 12, 4, true), spec);
    }

    [Fact]
    public void Quantize_GivesWhatAReaderDecodes()
    {
        var hours = Catalog.Get("genset-dse-gencomm").GetPoint("engine.run_hours");

        var held = hours.Quantize(1234.56789);

        Assert.Equal(hours.ToEngineering(hours.ToRaw(1234.56789)), held);
        Assert.Equal(4444444, hours.ToRaw(1234.56789));
    }
}
