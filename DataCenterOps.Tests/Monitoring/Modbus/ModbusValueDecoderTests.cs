using DataCenterOps.Monitoring.Modbus;

namespace DataCenterOps.Tests.Monitoring.Modbus;

public sealed class ModbusValueDecoderTests
{
    private const ModbusTable Holding = ModbusTable.HoldingRegisters;

    [Theory]
    [InlineData(ModbusDataType.UInt16, new ushort[] { 0xFFF4 }, 65524)]
    [InlineData(ModbusDataType.Int16, new ushort[] { 0xFFF4 }, -12)]
    [InlineData(ModbusDataType.Int16, new ushort[] { 0x8000 }, -32768)]
    [InlineData(ModbusDataType.UInt32, new ushort[] { 0x0001, 0xE240 }, 123456)]
    [InlineData(ModbusDataType.UInt32, new ushort[] { 0xFFFF, 0xFFFE }, 4294967294)]
    [InlineData(ModbusDataType.Int32, new ushort[] { 0xFFFE, 0x1DC0 }, -123456)]
    [InlineData(ModbusDataType.Float32, new ushort[] { 0x4049, 0x0FD0 }, 3.1415901184082031)]
    [InlineData(ModbusDataType.Float32, new ushort[] { 0xC2F6, 0xE979 }, -123.45600128173828)]
    public void EveryDataType_DecodesHighWordFirst(ModbusDataType type, ushort[] registers, double expected)
    {
        var value = ModbusValueDecoder.Decode(new ModbusPointSpec(Holding, 0, type), registers);

        Assert.Equal(ModbusDecodedValue.Good(expected), value);
    }

    [Theory]
    [InlineData(ModbusDataType.UInt32, 123456)]
    [InlineData(ModbusDataType.Int32, -123456)]
    [InlineData(ModbusDataType.Float32, 3.1415901184082031)]
    public void LowWordFirst_SwapsTheRegisters(ModbusDataType type, double expected)
    {
        ushort[] highFirst = type switch
        {
            ModbusDataType.UInt32 => [0x0001, 0xE240],
            ModbusDataType.Int32 => [0xFFFE, 0x1DC0],
            _ => [0x4049, 0x0FD0],
        };

        var value = ModbusValueDecoder.Decode(new ModbusPointSpec(Holding, 0, type, ModbusWordOrder.LowWordFirst), [highFirst[1], highFirst[0]]);

        Assert.Equal(expected, value.Value);
    }

    [Fact]
    public void ScaleAndOffset_GiveEngineeringUnits()
    {
        var value = ModbusValueDecoder.Decode(new ModbusPointSpec(Holding, 0, ModbusDataType.Int16, Scale: 0.1, Offset: -40), [0xFFF6]);

        Assert.Equal(-41.0, value.Value, 9);
    }

    [Theory]
    [InlineData(12, 4, 1)] // alarm 1 of 0x1231: most significant nibble
    [InlineData(8, 4, 2)]
    [InlineData(4, 4, 3)]
    [InlineData(0, 4, 1)]
    [InlineData(9, 1, 1)]
    [InlineData(0, 16, 0x1231)]
    public void BitFields_AreUnsignedFieldsOfOneRegister(byte shift, byte width, double expected)
    {
        var value = ModbusValueDecoder.Decode(new ModbusPointSpec(Holding, 2049, ModbusDataType.Bits, BitShift: shift, BitWidth: width), [0x1231]);

        Assert.Equal(ModbusDecodedValue.Good(expected), value);
    }

    [Theory]
    [InlineData(ModbusDataType.UInt16, new ushort[] { 0xFFFF })]
    [InlineData(ModbusDataType.Int16, new ushort[] { 0x7FFF })]
    [InlineData(ModbusDataType.UInt32, new ushort[] { 0xFFFF, 0xFFFF })]
    [InlineData(ModbusDataType.Int32, new ushort[] { 0x7FFF, 0xFFFF })]
    [InlineData(ModbusDataType.Float32, new ushort[] { 0x7FC0, 0x0000 })]
    public void GenCommNotAvailable_IsAQuality_NotAValue(ModbusDataType type, ushort[] registers)
    {
        var value = ModbusValueDecoder.Decode(new ModbusPointSpec(Holding, 0, type, GenCommSentinels: true), registers);

        Assert.Equal(ModbusValueQuality.NotAvailable, value.Quality);
        Assert.False(value.IsGood);
    }

    [Theory]
    [InlineData(ModbusDataType.UInt16, new ushort[] { 0xFFFE }, ModbusSensorFault.OverRange)]
    [InlineData(ModbusDataType.UInt16, new ushort[] { 0xFFFD }, ModbusSensorFault.UnderRange)]
    [InlineData(ModbusDataType.UInt16, new ushort[] { 0xFFFC }, ModbusSensorFault.TransducerFault)]
    [InlineData(ModbusDataType.UInt16, new ushort[] { 0xFFFB }, ModbusSensorFault.BadData)]
    [InlineData(ModbusDataType.UInt16, new ushort[] { 0xFFFA }, ModbusSensorFault.HighDigitalInput)]
    [InlineData(ModbusDataType.UInt16, new ushort[] { 0xFFF9 }, ModbusSensorFault.LowDigitalInput)]
    [InlineData(ModbusDataType.Int16, new ushort[] { 0x7FFC }, ModbusSensorFault.TransducerFault)]
    [InlineData(ModbusDataType.UInt32, new ushort[] { 0xFFFF, 0xFFFD }, ModbusSensorFault.UnderRange)]
    [InlineData(ModbusDataType.Int32, new ushort[] { 0x7FFF, 0xFFF9 }, ModbusSensorFault.LowDigitalInput)]
    public void GenCommFaultCodes_AreSensorFaults(ModbusDataType type, ushort[] registers, ModbusSensorFault fault)
    {
        var value = ModbusValueDecoder.Decode(new ModbusPointSpec(Holding, 0, type, GenCommSentinels: true), registers);

        Assert.Equal(ModbusDecodedValue.SensorFault(fault), value);
    }

    [Theory]
    [InlineData(ModbusDataType.UInt16, new ushort[] { 0xFFF8 }, 65528)]
    [InlineData(ModbusDataType.Int16, new ushort[] { 0xFFFE }, -2)] // −2 °C is a temperature, not a fault code, in a signed register
    [InlineData(ModbusDataType.Int16, new ushort[] { 0x7FF8 }, 32760)]
    public void ValuesBesideTheSentinels_StayValues(ModbusDataType type, ushort[] registers, double expected)
    {
        var value = ModbusValueDecoder.Decode(new ModbusPointSpec(Holding, 0, type, GenCommSentinels: true), registers);

        Assert.Equal(ModbusDecodedValue.Good(expected), value);
    }

    [Fact]
    public void WithoutSentinels_AllOnesIsAValue()
    {
        var value = ModbusValueDecoder.Decode(new ModbusPointSpec(Holding, 0), [0xFFFF]);

        Assert.Equal(ModbusDecodedValue.Good(65535), value);
    }

    [Fact]
    public void AllOnesNibble_WithSentinels_IsNotAvailable()
    {
        var value = ModbusValueDecoder.Decode(new ModbusPointSpec(Holding, 2050, ModbusDataType.Bits, BitShift: 4, BitWidth: 4, GenCommSentinels: true), [0x11F1]);

        Assert.Equal(ModbusValueQuality.NotAvailable, value.Quality);
    }

    [Theory]
    [InlineData(ModbusTable.Coils)]
    [InlineData(ModbusTable.DiscreteInputs)]
    public void BitTablePoints_AreZeroOrOne(ModbusTable table)
    {
        var spec = new ModbusPointSpec(table, 3);

        Assert.Equal(1, ModbusValueDecoder.Decode(spec, [1]).Value);
        Assert.Equal(0, ModbusValueDecoder.Decode(spec, [0]).Value);
    }

    [Fact]
    public void TooFewRegisters_IsArgumentError()
    {
        Assert.Throws<ArgumentException>(() => ModbusValueDecoder.Decode(new ModbusPointSpec(Holding, 0, ModbusDataType.UInt32), [1]));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(12, 8)]
    [InlineData(0, 17)]
    public void ImpossibleBitField_IsArgumentError(byte shift, byte width)
    {
        Assert.Throws<ArgumentException>(() => ModbusValueDecoder.Decode(new ModbusPointSpec(Holding, 0, ModbusDataType.Bits, BitShift: shift, BitWidth: width), [1]));
    }
}
