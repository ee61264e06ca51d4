using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Modbus.Server;

namespace DataCenterOps.Tests.Monitoring.Modbus;

/// <summary>Our simulator server over real sockets: read-only, faults on demand, many clients at once.</summary>
public sealed class ModbusTcpServerTests : IAsyncLifetime
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(30);
    private readonly ModbusRegisterBank _good = new();
    private readonly ModbusRegisterBank _silent = new() { Fault = ModbusServerFault.Silent };
    private readonly ModbusRegisterBank _garbage = new() { Fault = ModbusServerFault.Garbage };
    private readonly ModbusUnitMap _units = new();
    private ModbusTcpServer _server = null!;

    public async Task InitializeAsync()
    {
        foreach (var bank in new[] { _good, _silent, _garbage })
        {
            bank.DeclareRange(ModbusTable.HoldingRegisters, 0, 1000);
            bank.DeclareRange(ModbusTable.Coils, 0, 3000);
            for (var i = 0; i < 1000; i++)
            {
                bank.SetRegister(ModbusTable.HoldingRegisters, (ushort)i, (ushort)(i * 5));
            }
        }

        _units.Set(1, _good);
        _units.Set(2, _silent);
        _units.Set(3, _garbage);
        _server = new ModbusTcpServer(new IPEndPoint(IPAddress.Loopback, 0), _units);
        await _server.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task OurClient_ReadsOurServer_AcrossBlocks()
    {
        await using var client = NewClient(TimeSpan.FromSeconds(10));

        var values = await client.ReadHoldingRegistersAsync(1, 3, 600).WaitAsync(NoHang);
        var bits = await client.ReadCoilsAsync(1, 0, 2500).WaitAsync(NoHang);

        Assert.Equal(Enumerable.Range(3, 600).Select(i => (ushort)(i * 5)), values);
        Assert.All(bits, Assert.False);
    }

    [Theory]
    [InlineData(0x05)] // write single coil
    [InlineData(0x06)] // write single register
    [InlineData(0x0F)] // write multiple coils
    [InlineData(0x10)] // write multiple registers
    [InlineData(0x17)] // read/write multiple registers
    [InlineData(0x2B)] // encapsulated interface
    public async Task AnyFunctionButReads_IsIllegalFunction_AndNothingChanges(byte function)
    {
        using var socket = await ConnectAsync();
        byte[] request = [0x12, 0x34, 0, 0, 0, 6, 1, function, 0x00, 0x0A, 0x00, 0x01];

        var reply = await ExchangeAsync(socket, request, 9);

        Assert.Equal([0x12, 0x34, 0, 0, 0, 3, 1, (byte)(function | 0x80), 0x01], reply);
        Assert.Equal(50, _good.GetRegister(ModbusTable.HoldingRegisters, 10));
    }

    [Theory]
    [InlineData(0x03, 0, 126)]
    [InlineData(0x03, 0, 0)]
    [InlineData(0x01, 0, 2001)]
    public async Task IllegalQuantity_IsIllegalDataValue(byte function, ushort start, ushort quantity)
    {
        using var socket = await ConnectAsync();
        var request = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(request, 7);
        request[5] = 6;
        request[6] = 1;
        request[7] = function;
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(8), start);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(10), quantity);

        var reply = await ExchangeAsync(socket, request, 9);

        Assert.Equal((byte)(function | 0x80), reply[7]);
        Assert.Equal((byte)ModbusExceptionCode.IllegalDataValue, reply[8]);
    }

    [Fact]
    public async Task UnknownUnit_IsGatewayTargetFailedToRespond()
    {
        await using var client = NewClient(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => client.ReadHoldingRegistersAsync(99, 0, 1).WaitAsync(NoHang));

        Assert.Equal(ModbusExceptionCode.GatewayTargetDeviceFailedToRespond, error.ExceptionCode);
    }

    [Fact]
    public async Task UndeclaredAddress_IsIllegalDataAddress()
    {
        await using var client = NewClient(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => client.ReadHoldingRegistersAsync(1, 995, 10).WaitAsync(NoHang));

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, error.ExceptionCode);
    }

    [Fact]
    public async Task SilentUnit_TimesOut_WhileOtherUnitsOnTheServerAnswer()
    {
        await using var silentClient = NewClient(TimeSpan.FromMilliseconds(1500));
        await using var goodClient = NewClient(TimeSpan.FromSeconds(10));

        var silentRead = Record.ExceptionAsync(() => silentClient.ReadHoldingRegistersAsync(2, 0, 10).WaitAsync(NoHang));
        var goodValues = await goodClient.ReadHoldingRegistersAsync(1, 0, 10).WaitAsync(NoHang);

        Assert.IsType<ModbusTimeoutException>(await silentRead);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (ushort)(i * 5)), goodValues);
    }

    [Fact]
    public async Task GarbageUnit_NeverYieldsValues_OnlyTypedErrors()
    {
        await using var client = NewClient(TimeSpan.FromMilliseconds(1000));
        var errors = new List<Exception?>();

        for (var i = 0; i < 20; i++)
        {
            errors.Add(await Record.ExceptionAsync(() => client.ReadHoldingRegistersAsync(3, 0, 10).WaitAsync(NoHang)));
        }

        Assert.All(errors, e => Assert.True(e is ModbusProtocolException or ModbusTimeoutException, e?.ToString() ?? "a read succeeded"));
    }

    [Fact]
    public async Task FaultCanBeCleared_AndTheUnitAnswersAgain()
    {
        var bank = new ModbusRegisterBank { Fault = ModbusServerFault.Silent };
        bank.SetRegister(ModbusTable.InputRegisters, 5, 42);
        _units.Set(40, bank);
        await using var client = NewClient(TimeSpan.FromMilliseconds(1000));

        await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadInputRegistersAsync(40, 5, 1).WaitAsync(NoHang));
        bank.Fault = ModbusServerFault.None;

        Assert.Equal([42], await client.ReadInputRegistersAsync(40, 5, 1).WaitAsync(NoHang));
    }

    [Fact]
    public async Task ManyConcurrentClients_AllGetTheirOwnValues()
    {
        var clients = Enumerable.Range(0, 25).Select(_ => NewClient(TimeSpan.FromSeconds(15))).ToList();
        try
        {
            var reads = clients.Select(async (client, n) =>
            {
                for (var round = 0; round < 10; round++)
                {
                    var start = (ushort)((n * 30) + round);
                    var values = await client.ReadHoldingRegistersAsync(1, start, 20);
                    Assert.Equal(Enumerable.Range(start, 20).Select(i => (ushort)(i * 5)), values);
                }
            });

            await Task.WhenAll(reads).WaitAsync(NoHang);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task BadProtocolId_ClosesTheConnection()
    {
        using var socket = await ConnectAsync();
        byte[] request = [0, 1, 0, 7, 0, 6, 1, 3, 0, 0, 0, 1];

        await socket.SendAsync(request);
        var buffer = new byte[16];
        int received;
        try
        {
            received = await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(NoHang);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            received = 0; // closed with our request unread: the kernel resets instead of a clean FIN
        }

        Assert.Equal(0, received);
    }

    private ModbusTcpClient NewClient(TimeSpan timeout) =>
        new(new ModbusEndpointOptions { Host = "127.0.0.1", Port = _server.LocalEndpoint.Port, Timeout = timeout, ReconnectDelayMin = TimeSpan.Zero });

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(_server.LocalEndpoint);
        return socket;
    }

    private static async Task<byte[]> ExchangeAsync(Socket socket, byte[] request, int replyLength)
    {
        await socket.SendAsync(request);
        var reply = new byte[replyLength];
        for (var read = 0; read < replyLength;)
        {
            var received = await socket.ReceiveAsync(reply.AsMemory(read)).AsTask().WaitAsync(NoHang);
            Assert.NotEqual(0, received);
            read += received;
        }

        return reply;
    }
}
