using DataCenterOps.Monitoring.Modbus;

namespace DataCenterOps.Tests.Monitoring.Modbus;

/// <summary>The strict reply decoder on hand-made frames: each way a reply can lie is refused with the typed error.</summary>
public sealed class ModbusResponseDecoderTests
{
    private static readonly ModbusReadRequest Registers = new(0x0A0B, 1, ModbusFunctionCode.ReadHoldingRegisters, 1024, 2);
    private static readonly ModbusReadRequest Bits = new(0x0A0C, 1, ModbusFunctionCode.ReadCoils, 0, 10);

    // tid 0A0B, protocol 0, length 7, unit 1, fc 3, byte count 4, 015E FFF4
    private static readonly byte[] GoodRegisters = Convert.FromHexString("0A0B000000070103" + "04015EFFF4");

    // tid 0A0C, protocol 0, length 5, unit 1, fc 1, byte count 2, bits 0,3,9 set
    private static readonly byte[] GoodBits = Convert.FromHexString("0A0C00000005010102" + "0902");

    [Fact]
    public void GoodRegisterReply_IsDecoded()
    {
        var values = new ushort[2];

        Assert.Equal(2, ModbusResponseDecoder.Decode(GoodRegisters, Registers, values));
        Assert.Equal([350, 0xFFF4], values);
        Assert.Equal(6, ModbusResponseDecoder.ReadBodyLength(GoodRegisters.AsSpan(0, 7), Registers));
    }

    [Fact]
    public void GoodBitReply_IsDecodedLeastSignificantBitFirst()
    {
        var values = new ushort[10];

        ModbusResponseDecoder.Decode(GoodBits, Bits, values);

        Assert.Equal([1, 0, 0, 1, 0, 0, 0, 0, 0, 1], values);
    }

    [Theory]
    [InlineData("protocol id", 2, 0x01)]
    [InlineData("length too long", 5, 0x08)]
    [InlineData("length too short", 5, 0x06)]
    [InlineData("transaction id", 1, 0x0C)]
    [InlineData("unit id", 6, 0x02)]
    [InlineData("function code", 7, 0x04)]
    [InlineData("byte count", 8, 0x02)]
    [InlineData("byte count above data", 8, 0x06)]
    public void DamagedRegisterReply_IsProtocolError(string what, int offset, byte value)
    {
        var frame = (byte[])GoodRegisters.Clone();
        frame[offset] = value;

        var error = Record.Exception(() => ModbusResponseDecoder.Decode(frame, Registers, new ushort[2]));

        Assert.True(error is ModbusProtocolException, $"{what}: {error}");
    }

    [Fact]
    public void TrailingBytes_AreProtocolError()
    {
        byte[] frame = [.. GoodRegisters, 0x00];

        Assert.Throws<ModbusProtocolException>(() => ModbusResponseDecoder.Decode(frame, Registers, new ushort[2]));
    }

    [Fact]
    public void TrailingBytesCountedInLengthAndByteCount_AreProtocolError()
    {
        // Consistent framing, but three registers for a two-register question.
        var frame = Convert.FromHexString("0A0B000000090103" + "06015EFFF40001");

        Assert.Throws<ModbusProtocolException>(() => ModbusResponseDecoder.Decode(frame, Registers, new ushort[2]));
        Assert.Throws<ModbusProtocolException>(() => ModbusResponseDecoder.ReadBodyLength(frame.AsSpan(0, 7), Registers));
    }

    [Fact]
    public void BitByteCountMustBeCeilingOfQuantityOverEight()
    {
        var frame = Convert.FromHexString("0A0C00000006010103" + "090200");

        Assert.Throws<ModbusProtocolException>(() => ModbusResponseDecoder.Decode(frame, Bits, new ushort[10]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(8)]
    public void TruncatedReply_IsProtocolError(int length)
    {
        Assert.Throws<ModbusProtocolException>(() => ModbusResponseDecoder.Decode(GoodRegisters.AsSpan(0, length), Registers, new ushort[2]));
    }

    [Fact]
    public void MbapLengthAbove254_IsRefusedFromTheHeaderAlone()
    {
        var header = Convert.FromHexString("0A0B000001000103");

        Assert.Throws<ModbusProtocolException>(() => ModbusResponseDecoder.ReadBodyLength(header.AsSpan(0, 7), Registers));
    }

    [Theory]
    [InlineData(0x01, ModbusExceptionCode.IllegalFunction)]
    [InlineData(0x02, ModbusExceptionCode.IllegalDataAddress)]
    [InlineData(0x0B, ModbusExceptionCode.GatewayTargetDeviceFailedToRespond)]
    public void ExceptionResponse_IsTypedWithItsCode(byte code, ModbusExceptionCode expected)
    {
        byte[] frame = [0x0A, 0x0B, 0, 0, 0, 3, 1, 0x83, code];

        var error = Assert.Throws<ModbusExceptionResponseException>(() => ModbusResponseDecoder.Decode(frame, Registers, new ushort[2]));

        Assert.Equal(expected, error.ExceptionCode);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x07)]
    [InlineData(0x09)]
    [InlineData(0x0C)]
    [InlineData(0xFF)]
    public void UnknownExceptionCode_IsProtocolError(byte code)
    {
        byte[] frame = [0x0A, 0x0B, 0, 0, 0, 3, 1, 0x83, code];

        Assert.Throws<ModbusProtocolException>(() => ModbusResponseDecoder.Decode(frame, Registers, new ushort[2]));
    }

    [Fact]
    public void ExceptionResponseWithTrailingByte_IsProtocolError()
    {
        byte[] frame = [0x0A, 0x0B, 0, 0, 0, 4, 1, 0x83, 0x02, 0x00];

        Assert.Throws<ModbusProtocolException>(() => ModbusResponseDecoder.Decode(frame, Registers, new ushort[2]));
    }

    [Theory]
    [InlineData(ModbusFunctionCode.ReadHoldingRegisters, 126)]
    [InlineData(ModbusFunctionCode.ReadCoils, 2001)]
    [InlineData(ModbusFunctionCode.ReadInputRegisters, 0)]
    public void QuestionsAboveTheProtocolLimits_AreNeverAsked(ModbusFunctionCode function, ushort quantity)
    {
        var request = new ModbusReadRequest(1, 1, function, 0, quantity);

        Assert.False(request.IsQuantityValid);
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusResponseDecoder.Decode(GoodRegisters, request, new ushort[2100]));
    }

    [Fact]
    public void ReadRequest_RoundTripsThroughItsBytes()
    {
        var request = new ModbusReadRequest(0xBEEF, 7, ModbusFunctionCode.ReadInputRegisters, 1798, 12);
        var bytes = new byte[ModbusReadRequest.Size];

        request.WriteTo(bytes);
        var back = ModbusReadRequest.ReadFrom(bytes);

        Assert.Equal("BEEF000000060704070600" + "0C", Convert.ToHexString(bytes));
        Assert.Equal((request.TransactionId, request.UnitId, request.FunctionCode, request.StartAddress, request.Quantity), (back.TransactionId, back.UnitId, back.FunctionCode, back.StartAddress, back.Quantity));
    }

    [Fact]
    public void FunctionCodeEnum_HasNoWriteCodes()
    {
        Assert.Equal([1, 2, 3, 4], Enum.GetValues<ModbusFunctionCode>().Select(f => (int)f));
    }
}
