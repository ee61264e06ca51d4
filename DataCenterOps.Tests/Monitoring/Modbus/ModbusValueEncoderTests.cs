using DataCenterOps.Monitoring.Modbus;

namespace DataCenterOps.Tests.Monitoring.Modbus;

public sealed class ModbusValueEncoderTests
{
    private const ModbusTable Holding = ModbusTable.HoldingRegisters;

    public static TheoryData<ModbusPointSpec, double> RoundTrips => new()
    {
        { new(Holding, 0), 0 },
        { new(Holding, 0), 65535 },
        { new(Holding, 0, ModbusDataType.Int16), -32768 },
        { new(Holding, 0, ModbusDataType.Int16, Scale: 0.1), -12.3 },
        { new(Holding, 0, Scale: 0.1, GenCommSentinels: true), 27.1 },
        { new(Holding, 0, ModbusDataType.UInt32, Scale: 0.1), 230.1 },
        { new(Holding, 0, ModbusDataType.UInt32, ModbusWordOrder.LowWordFirst), 4_000_000_000 },
        { new(Holding, 0, ModbusDataType.Int32), int.MinValue },
        { new(Holding, 0, ModbusDataType.Int32, ModbusWordOrder.LowWordFirst, Scale: 0.01, Offset: 100), -2000.55 },
        { new(Holding, 0, ModbusDataType.Float32), 3.14159 },
        { new(Holding, 0, ModbusDataType.Float32, ModbusWordOrder.LowWordFirst, Scale: 2), -1.5e6 },
        { new(Holding, 0, ModbusDataType.Bits, BitShift: 12, BitWidth: 4), 3 },
        { new(Holding, 0, ModbusDataType.Bits, BitShift: 3, BitWidth: 1), 1 },
        { new(ModbusTable.Coils, 0), 1 },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void Encode_ThenDecode_GivesTheValueBack(ModbusPointSpec spec, double value)
    {
        var registers = new ushort[2];

        ModbusValueEncoder.Encode(spec, value, registers);
        var decoded = ModbusValueDecoder.Decode(spec, registers);

        Assert.True(decoded.IsGood);
        Assert.Equal(value, decoded.Value, spec.DataType == ModbusDataType.Float32 ? 1e-6 * Math.Max(1, Math.Abs(value)) : 1e-9);
    }

    [Fact]
    public void Nibbles_AreWrittenWithoutTouchingTheirNeighbours()
    {
        ushort[] register = [0x1111];

        for (var alarm = 0; alarm < 4; alarm++)
        {
            ModbusValueEncoder.Encode(new ModbusPointSpec(Holding, 2049, ModbusDataType.Bits, BitShift: (byte)(12 - (4 * alarm)), BitWidth: 4), alarm + 2, register);
        }

        Assert.Equal(0x2345, register[0]);
    }

    [Theory]
    [InlineData(ModbusDataType.UInt16, -1)]
    [InlineData(ModbusDataType.UInt16, 65536)]
    [InlineData(ModbusDataType.Int16, 32768)]
    [InlineData(ModbusDataType.Int32, 3e9)]
    public void OutOfRangeValues_AreRefused(ModbusDataType type, double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusValueEncoder.Encode(new ModbusPointSpec(Holding, 0, type), value, new ushort[2]));
    }

    [Fact]
    public void ValuesThatWouldReadAsSentinels_AreRefused()
    {
        var spec = new ModbusPointSpec(Holding, 0, GenCommSentinels: true);

        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusValueEncoder.Encode(spec, 65530, new ushort[1]));
    }

    [Theory]
    [InlineData(ModbusDataType.UInt16)]
    [InlineData(ModbusDataType.Int16)]
    [InlineData(ModbusDataType.UInt32)]
    [InlineData(ModbusDataType.Int32)]
    [InlineData(ModbusDataType.Float32)]
    public void NotAvailable_RoundTrips(ModbusDataType type)
    {
        var spec = new ModbusPointSpec(Holding, 0, type, GenCommSentinels: true);
        var registers = new ushort[2];

        ModbusValueEncoder.EncodeNotAvailable(spec, registers);

        Assert.Equal(ModbusValueQuality.NotAvailable, ModbusValueDecoder.Decode(spec, registers).Quality);
    }

    [Theory]
    [InlineData(ModbusDataType.UInt16, ModbusSensorFault.OverRange)]
    [InlineData(ModbusDataType.Int16, ModbusSensorFault.TransducerFault)]
    [InlineData(ModbusDataType.UInt32, ModbusSensorFault.BadData)]
    [InlineData(ModbusDataType.Int32, ModbusSensorFault.LowDigitalInput)]
    public void SensorFaults_RoundTrip(ModbusDataType type, ModbusSensorFault fault)
    {
        var spec = new ModbusPointSpec(Holding, 0, type, GenCommSentinels: true);
        var registers = new ushort[2];

        ModbusValueEncoder.EncodeSensorFault(spec, fault, registers);

        Assert.Equal(ModbusDecodedValue.SensorFault(fault), ModbusValueDecoder.Decode(spec, registers));
    }

    [Fact]
    public void NotAvailableNibble_SetsOnlyItsBits()
    {
        ushort[] register = [0x1111];

        ModbusValueEncoder.EncodeNotAvailable(new ModbusPointSpec(Holding, 0, ModbusDataType.Bits, BitShift: 4, BitWidth: 4, GenCommSentinels: true), register);

        Assert.Equal(0x11F1, register[0]);
    }
}
