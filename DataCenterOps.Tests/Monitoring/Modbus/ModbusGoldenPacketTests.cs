using DataCenterOps.Monitoring.Modbus;

namespace DataCenterOps.Tests.Monitoring.Modbus;

/// <summary>
/// Replies captured from pymodbus 3.0 (Fixtures/capture_golden.py against pymodbus_gencomm_server.py)
/// replayed through our decoder.
/// </summary>
public sealed class ModbusGoldenPacketTests
{
    public static TheoryData<string> Cases => [.. Golden.Keys];

    private static Dictionary<string, (byte[] Request, byte[] Reply)> Golden { get; } = File
        .ReadAllLines(PeerProcess.FixturePath("pymodbus-golden.txt"))
        .Where(line => line.Length > 0)
        .Select(line => line.Split(' '))
        .ToDictionary(parts => parts[0], parts => (Convert.FromHexString(parts[1]), Convert.FromHexString(parts[2])));

    [Theory]
    [MemberData(nameof(Cases))]
    public void CapturedRequest_IsByteForByteWhatWeSend(string name)
    {
        var (requestBytes, _) = Golden[name];
        var request = ModbusReadRequest.ReadFrom(requestBytes);
        var ours = new byte[ModbusReadRequest.Size];

        request.WriteTo(ours);

        Assert.Equal(requestBytes, ours);
    }

    [Fact]
    public void GenCommBlock_DecodesToTheValuesPymodbusHeld()
    {
        var values = Decode("holding_gencomm_1024x12");

        Assert.Equal([350, 0xFFF4, 0x7FFF, 76, 0xFFFC, 271, 1500, 500, 0, 2301, 1, 2], values);
        Assert.Equal(-12, ModbusValueDecoder.Decode(new ModbusPointSpec(ModbusTable.HoldingRegisters, 1025, ModbusDataType.Int16), values.AsSpan(1)).Value);
        Assert.Equal(230.1, ModbusValueDecoder.Decode(new ModbusPointSpec(ModbusTable.HoldingRegisters, 1032, ModbusDataType.UInt32, Scale: 0.1), values.AsSpan(8)).Value, 9);
    }

    [Fact]
    public void FullBlockOf125_Decodes()
    {
        var values = Decode("holding_0x125");

        Assert.Equal(Enumerable.Range(0, 125).Select(i => (ushort)((i * 7) + 3)), values);
    }

    [Fact]
    public void OtherUnitId_IsEchoedAndAccepted()
    {
        var values = Decode("holding_runtime_1798x12");

        Assert.Equal(123456, ModbusValueDecoder.Decode(new ModbusPointSpec(ModbusTable.HoldingRegisters, 1798, ModbusDataType.UInt32), values).Value);
        Assert.Equal(42, ModbusValueDecoder.Decode(new ModbusPointSpec(ModbusTable.HoldingRegisters, 1808, ModbusDataType.UInt32), values.AsSpan(10)).Value);
    }

    [Fact]
    public void FloatAndAlarmNibbles_Decode()
    {
        var single = Decode("holding_float_1100x2");
        var alarms = Decode("holding_alarms_2048x3");

        Assert.Equal(3.14159, ModbusValueDecoder.Decode(new ModbusPointSpec(ModbusTable.HoldingRegisters, 1100, ModbusDataType.Float32), single).Value, 5);
        Assert.Equal(3, alarms[0]);
        Assert.Equal([1, 2, 3, 1], Enumerable.Range(0, 4).Select(n => ModbusValueDecoder.Decode(new ModbusPointSpec(ModbusTable.HoldingRegisters, 2049, ModbusDataType.Bits, BitShift: (byte)(12 - (4 * n)), BitWidth: 4), alarms.AsSpan(1)).Value));
    }

    [Theory]
    [InlineData("input_100x10", 100, 3, 1)]
    public void InputRegisters_Decode(string name, int start, int factor, int add)
    {
        var values = Decode(name);

        Assert.Equal(Enumerable.Range(start, values.Length).Select(i => (ushort)((i * factor) + add)), values);
    }

    [Theory]
    [InlineData("coils_0x20", 3)]
    [InlineData("coils_0x2000", 3)]
    [InlineData("discrete_0x13", 5)]
    public void Bits_Decode(string name, int every)
    {
        var values = Decode(name);

        Assert.Equal(Enumerable.Range(0, values.Length).Select(i => i % every == 0 ? (ushort)1 : (ushort)0), values);
    }

    [Fact]
    public void IllegalAddressReply_IsTypedException()
    {
        var error = Assert.Throws<ModbusExceptionResponseException>(() => Decode("exception_illegal_address_5000x2"));

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, error.ExceptionCode);
    }

    [Fact]
    public void IllegalValueReply_ParsesAsExceptionFrame()
    {
        var frame = ModbusExceptionResponse.ReadFrom(Golden["exception_illegal_value_0x126"].Reply);

        Assert.Equal(ModbusExceptionCode.IllegalDataValue, frame.ExceptionCode);
        Assert.Equal(0x03, frame.FunctionCode);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CapturedReply_TakenAsAnswerToAnotherTransaction_IsRefused(string name)
    {
        var (requestBytes, reply) = Golden[name];
        var asked = ModbusReadRequest.ReadFrom(requestBytes);
        var other = new ModbusReadRequest((ushort)(asked.TransactionId + 1), asked.UnitId, asked.FunctionCode, asked.StartAddress, Math.Min(asked.Quantity, (ushort)125));

        Assert.Throws<ModbusProtocolException>(() => ModbusResponseDecoder.Decode(reply, other, new ushort[2000]));
    }

    private static ushort[] Decode(string name)
    {
        var (requestBytes, reply) = Golden[name];
        var request = ModbusReadRequest.ReadFrom(requestBytes);
        var values = new ushort[request.Quantity];
        Assert.Equal(reply.Length - 7, ModbusResponseDecoder.ReadBodyLength(reply.AsSpan(0, 7), request));
        ModbusResponseDecoder.Decode(reply, request, values);
        return values;
    }
}
