using DataCenterOps.Monitoring.Modbus;

namespace DataCenterOps.Tests.Monitoring.Modbus;

/// <summary>Our client against a real pymodbus 3.0 server holding known GenComm values.</summary>
public sealed class ModbusClientPymodbusTests(PymodbusServerFixture server) : IClassFixture<PymodbusServerFixture>, IAsyncLifetime
{
    private ModbusTcpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = new ModbusTcpClient(new ModbusEndpointOptions { Host = "127.0.0.1", Port = server.Port, Timeout = TimeSpan.FromSeconds(5) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Fact]
    public async Task HoldingRegisters_AreRead_AsPymodbusHoldsThem()
    {
        var values = await _client.ReadHoldingRegistersAsync(1, 1024, 8);

        Assert.Equal([350, 0xFFF4, 0x7FFF, 76, 0xFFFC, 271, 1500, 500], values);
    }

    [Fact]
    public async Task InputRegisters_AreRead_AsPymodbusHoldsThem()
    {
        var values = await _client.ReadInputRegistersAsync(1, 100, 5);

        Assert.Equal(Enumerable.Range(100, 5).Select(i => (ushort)((i * 3) + 1)), values);
    }

    [Fact]
    public async Task Coils_AreRead_AsPymodbusHoldsThem()
    {
        var values = await _client.ReadCoilsAsync(1, 7, 20);

        Assert.Equal(Enumerable.Range(7, 20).Select(i => i % 3 == 0), values);
    }

    [Fact]
    public async Task DiscreteInputs_AreRead_AsPymodbusHoldsThem()
    {
        var values = await _client.ReadDiscreteInputsAsync(1, 3, 13);

        Assert.Equal(Enumerable.Range(3, 13).Select(i => i % 5 == 0), values);
    }

    [Fact]
    public async Task ReadOver125Registers_IsSplit_AndReturnsEveryRegister()
    {
        var values = await _client.ReadRegistersAsync(1, ModbusTable.InputRegisters, 10, 400);

        Assert.Equal(Enumerable.Range(10, 400).Select(i => (ushort)((i * 3) + 1)), values);
    }

    [Fact]
    public async Task ReadOver2000Bits_IsSplit_AndReturnsEveryBit()
    {
        var values = await _client.ReadCoilsAsync(1, 1, 2500);

        Assert.Equal(Enumerable.Range(1, 2500).Select(i => i % 3 == 0), values);
    }

    [Fact]
    public async Task IllegalAddress_IsTypedExceptionResponse_AndConnectionStays()
    {
        await _client.ReadHoldingRegistersAsync(1, 0, 1);
        var connects = _client.ConnectCount;

        var error = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => _client.ReadHoldingRegistersAsync(1, 5000, 2));

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, error.ExceptionCode);
        Assert.Equal(ModbusFunctionCode.ReadHoldingRegisters, error.FunctionCode);
        Assert.Equal([350], await _client.ReadHoldingRegistersAsync(1, 1024, 1));
        Assert.Equal(connects, _client.ConnectCount);
    }

    [Fact]
    public async Task GenCommProfile_IsPlannedReadAndDecoded()
    {
        var points = new Dictionary<string, ModbusPointSpec>
        {
            ["oil pressure"] = new(ModbusTable.HoldingRegisters, 1024, GenCommSentinels: true),
            ["coolant"] = new(ModbusTable.HoldingRegisters, 1025, ModbusDataType.Int16, GenCommSentinels: true),
            ["oil temperature"] = new(ModbusTable.HoldingRegisters, 1026, ModbusDataType.Int16, GenCommSentinels: true),
            ["faulty"] = new(ModbusTable.HoldingRegisters, 1028, GenCommSentinels: true),
            ["battery"] = new(ModbusTable.HoldingRegisters, 1029, Scale: 0.1, GenCommSentinels: true),
            ["L1"] = new(ModbusTable.HoldingRegisters, 1032, ModbusDataType.UInt32, Scale: 0.1, GenCommSentinels: true),
            ["L3"] = new(ModbusTable.HoldingRegisters, 1036, ModbusDataType.UInt32, Scale: 0.1, GenCommSentinels: true),
            ["float"] = new(ModbusTable.HoldingRegisters, 1100, ModbusDataType.Float32),
            ["run time"] = new(ModbusTable.HoldingRegisters, 1798, ModbusDataType.UInt32, GenCommSentinels: true),
            ["alarm 3"] = new(ModbusTable.HoldingRegisters, 2049, ModbusDataType.Bits, BitShift: 4, BitWidth: 4, GenCommSentinels: true),
            ["alarm 7"] = new(ModbusTable.HoldingRegisters, 2050, ModbusDataType.Bits, BitShift: 4, BitWidth: 4, GenCommSentinels: true),
        };

        var blocks = ModbusReadPlanner.Plan(points.Values);
        var decoded = new Dictionary<ModbusPointSpec, ModbusDecodedValue>();
        foreach (var block in blocks)
        {
            var values = await _client.ReadBlockAsync(1, block);
            foreach (var point in block.Points)
            {
                decoded[point] = block.Decode(point, values);
            }
        }

        Assert.Equal(4, blocks.Count);
        Assert.Equal(ModbusDecodedValue.Good(350), decoded[points["oil pressure"]]);
        Assert.Equal(ModbusDecodedValue.Good(-12), decoded[points["coolant"]]);
        Assert.Equal(ModbusValueQuality.NotAvailable, decoded[points["oil temperature"]].Quality);
        Assert.Equal(ModbusDecodedValue.SensorFault(ModbusSensorFault.TransducerFault), decoded[points["faulty"]]);
        Assert.Equal(27.1, decoded[points["battery"]].Value, 9);
        Assert.Equal(230.1, decoded[points["L1"]].Value, 9);
        Assert.Equal(ModbusValueQuality.NotAvailable, decoded[points["L3"]].Quality);
        Assert.Equal(3.14159, decoded[points["float"]].Value, 5);
        Assert.Equal(ModbusDecodedValue.Good(123456), decoded[points["run time"]]);
        Assert.Equal(ModbusDecodedValue.Good(3), decoded[points["alarm 3"]]);
        Assert.Equal(ModbusValueQuality.NotAvailable, decoded[points["alarm 7"]].Quality);
    }

    [Fact]
    public async Task ConcurrentReads_OnOneConnection_EachGetTheirOwnAnswer()
    {
        var reads = Enumerable.Range(0, 40).Select(async i =>
        {
            var start = (ushort)(i * 10);
            return (start, values: await _client.ReadInputRegistersAsync(1, start, 10));
        });

        foreach (var (start, values) in await Task.WhenAll(reads))
        {
            Assert.Equal(Enumerable.Range(start, 10).Select(a => (ushort)((a * 3) + 1)), values);
        }

        Assert.Equal(1, _client.ConnectCount);
    }
}
