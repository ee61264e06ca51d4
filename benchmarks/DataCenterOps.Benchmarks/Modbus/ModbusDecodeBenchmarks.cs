using BenchmarkDotNet.Attributes;
using DataCenterOps.Monitoring.Modbus;

namespace DataCenterOps.Benchmarks.Modbus;

/// <summary>The hot path of a Modbus poll: check and decode a full 125-register reply, then turn registers into values.</summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MemoryDiagnoser]
public class ModbusDecodeBenchmarks
{
    private readonly byte[] _reply = new byte[ModbusReadResponse.MaxAduSize];
    private readonly ushort[] _registers = new ushort[125];
    private ModbusReadRequest _request;
    private int _length;
    private ModbusReadBlock _block = null!;
    private ModbusPointSpec[] _points = [];

    [GlobalSetup]
    public void Setup()
    {
        _request = new ModbusReadRequest(0x1234, 1, ModbusFunctionCode.ReadHoldingRegisters, 1024, 125);
        var values = Enumerable.Range(0, 125).Select(i => (ushort)(i * 37)).ToArray();
        _length = ModbusReadResponse.WriteRegisters(_reply, _request.TransactionId, _request.UnitId, _request.FunctionCode, values);

        // A GenComm-like profile: scalars, 32-bit values, alarm nibbles, all inside one 125-register block.
        var points = new List<ModbusPointSpec>();
        for (var i = 0; i < 16; i++)
        {
            points.Add(new ModbusPointSpec(ModbusTable.HoldingRegisters, (ushort)(1024 + i), i % 2 == 0 ? ModbusDataType.UInt16 : ModbusDataType.Int16, Scale: 0.1, GenCommSentinels: true));
        }

        for (var i = 0; i < 8; i++)
        {
            points.Add(new ModbusPointSpec(ModbusTable.HoldingRegisters, (ushort)(1040 + (2 * i)), ModbusDataType.UInt32, Scale: 0.1, GenCommSentinels: true));
        }

        for (var i = 0; i < 16; i++)
        {
            points.Add(new ModbusPointSpec(ModbusTable.HoldingRegisters, (ushort)(1100 + (i / 4)), ModbusDataType.Bits, BitShift: (byte)(12 - (4 * (i % 4))), BitWidth: 4, GenCommSentinels: true));
        }

        _points = [.. points];
        _block = ModbusReadPlanner.Plan(_points, maxGap: 64)[0];
        ModbusResponseDecoder.Decode(_reply.AsSpan(0, _length), _request, _registers);
    }

    [Benchmark(Description = "decode 125-register reply")]
    public int DecodeReply125() => ModbusResponseDecoder.Decode(_reply.AsSpan(0, _length), _request, _registers);

    [Benchmark(Description = "decode 40 GenComm points from a block")]
    public double DecodePoints40()
    {
        var sum = 0.0;
        foreach (var point in _points)
        {
            var value = _block.Decode(point, _registers.AsSpan(0, _block.Count));
            sum += value.IsGood ? value.Value : 0;
        }

        return sum;
    }

    [Benchmark(Description = "plan 40 GenComm points")]
    public int Plan40() => ModbusReadPlanner.Plan(_points).Count;
}
